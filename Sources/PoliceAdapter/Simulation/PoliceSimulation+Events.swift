import HubProtocol

/// Later events (R-G4, R-G5): scheduled when a measure takes effect, made when the clock reaches
/// them, kept in the outbox until acknowledged.
extension PoliceSimulation {
    /// Moves the clock to `time` (never back) and makes every report due by then whose measure is
    /// still in force, in report-time order, as far as the outbox has room.
    public mutating func advance(to time: Timestamp) {
        if time > clock { clock = time }
        makeDueReports()
    }

    /// See ``PoliceBackend/pendingEvents(until:limit:)``. Advances the clock to `until` first.
    public mutating func pendingEvents(until time: Timestamp, limit: Int) -> [PoliceEvent] {
        precondition(limit > 0, "a limit is positive")
        advance(to: time)
        let due = outbox.prefix { $0.receipt.header.respondedAt <= time }.prefix(limit)
        assert(zip(due, due.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        return Array(due)
    }

    /// See ``PoliceBackend/acknowledgeEvents(through:)``. Makes room for reports held back by a
    /// full outbox.
    public mutating func acknowledgeEvents(through sequence: UInt64) {
        precondition(sequence < nextSequence, "event \(sequence) was never produced (the last is \(nextSequence - 1))")
        let acknowledged = outbox.prefix { $0.sequence <= sequence }.count
        outbox.removeFirst(acknowledged)
        makeDueReports()
    }

    mutating func scheduleReport(dueAt time: Timestamp, measureId: InstructionID, _ occurrence: ScheduledReport.Occurrence) {
        precondition(schedule.count < limits.maximumScheduledReports, "capacity is checked before a measure is registered")
        let report = ScheduledReport(reportAt: index.reportTime(dueAt: time), order: nextReportOrder, measureId: measureId, occurrence: occurrence)
        nextReportOrder += 1
        schedule.insert(report)
    }

    /// Takes due reports off the schedule; each pass removes one, so the schedule's size bounds the loop.
    private mutating func makeDueReports() {
        for _ in 0..<schedule.count {
            guard outbox.count < limits.maximumOutboxEvents, let next = schedule.next, next.reportAt <= clock else { return }
            _ = schedule.removeNext()
            guard var measure = measures[next.measureId], measure.isInForce else { continue }
            outbox.append(PoliceEvent(sequence: nextSequence, receipt: receipt(for: next)))
            nextSequence += 1
            if case .find(let find) = next.occurrence, find.custody == .heldForCourt {
                measure.state = .fulfilled(at: find.foundAt)
                measures[next.measureId] = measure
            }
        }
    }

    private func receipt(for report: ScheduledReport) -> ReceiptDocument {
        let header = receiptHeader(report.measureId, at: report.reportAt)
        switch report.occurrence {
        case .sighting(let sighting, let plate):
            assert(sighting.sightedAt <= report.reportAt)
            return .policeVehicleSighted(PoliceVehicleSighted(header: header, sightedAt: sighting.sightedAt, occasion: sighting.occasion, location: sighting.location, plateNumber: plate))
        case .find(let find):
            assert(find.foundAt <= report.reportAt)
            return .policePersonFound(PolicePersonFound(header: header, foundAt: find.foundAt, location: find.location, custody: find.custody, contactPhone: find.contactPhone))
        }
    }
}
