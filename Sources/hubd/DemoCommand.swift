import ArgumentParser
import Foundation
import HubPKI
import HubProtocol
import QueryHub

/// `hubd demo`: everything a newcomer needs, in one command — a development PKI, SM2 seal keys,
/// the sample registry (courts in two provinces, T2T and P2P banks, a police office), the hub on
/// its embedded SQLite store — and how to submit an instruction.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Start the hub with its embedded defaults: SQLite, a development PKI, the sample registry.")

    @Option(help: "Where the demo keeps its database, keys and examples.")
    var dataDirectory = "var/demo"

    @Option(help: "The HTTPS (mutual TLS) port (not 0: the simulated adapters connect to it).")
    var port = 8443

    @Option(help: "The operator port (/healthz, /readyz, /metrics), on loopback.")
    var operatorPort = 8080

    @Flag(help: "Do not run the simulated banks and police in-process (adapters connect from outside, e.g. hubd bank-adapter or a test).")
    var noSimulatedAdapters = false

    func run() async throws {
        var configuration = try HubConfiguration.load(file: nil, environment: ProcessInfo.processInfo.environment)
        configuration.dataDirectory = dataDirectory
        configuration.listenPort = port
        configuration.operatorPort = operatorPort
        try configuration.validate()
        let logger = HubLogging.bootstrap()
        let setup = try DevelopmentSetup.prepare(configuration)
        let example = try writeExample(setup: setup)
        let directory = dataDirectory
        let adapters = DemoAdapters(setup: setup, hubURL: "https://127.0.0.1:\(port)", logger: logger)
        try await HubProcess.run(
            configuration: configuration, registry: setup.registry, pki: setup.pki, logger: logger,
            extraServices: noSimulatedAdapters ? [] : [adapters],
            onRunning: { apiPort, operatorPort in
                // Written straight to the file descriptor: print() would sit in a buffer when piped.
                let banner = DemoCommand.banner(directory: directory, apiPort: apiPort, operatorPort: operatorPort, example: example)
                FileHandle.standardOutput.write(Data((banner + "\n").utf8))
            })
    }

    /// A ready-to-submit query for 京0105, with its officer's registered particulars.
    private func writeExample(setup: DevelopmentSetup) throws -> String {
        let directory = dataDirectory + "/examples"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let court = try CourtCode("京0105")
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        let document = try SampleInstructions.queryEveryBank(
            registry: setup.registry, court: court, instructionID: "DEMO-\(now / 1_000)", issuedAtMilliseconds: now)
        let path = directory + "/query-every-bank.json"
        try Data(document).write(to: URL(fileURLWithPath: path))
        // A freeze of 张三's ICBC account for 100,000.00 — more than its 80,000.00: a limited
        // freeze (R-B12) that holds what is there and later inflows up to the limit.
        let freeze = try SampleInstructions.freeze(
            registry: setup.registry, court: court, instructionID: "DEMO-F-\(now / 1_000)", issuedAtMilliseconds: now,
            amount: "100000.00", from: SampleInstructions.chinaDay(ofMilliseconds: now),
            to: SampleInstructions.chinaDay(ofMilliseconds: now, plusDays: 180))
        try Data(freeze).write(to: URL(fileURLWithPath: directory + "/freeze-icbc.json"))
        return path
    }

    static func banner(directory: String, apiPort: Int, operatorPort: Int, example: String) -> String {
        let pki = directory + "/pki"
        let court = "court-京0105"
        return """

            QueryHub is running (demo: embedded SQLite in \(directory), development PKI, sample registry,
            simulated banks ICBC, CCB, BOC (total-to-total), BJRCB and SHRCB (point-to-point) and police MPS,
            each polling over mutual TLS; 张三 (11010519491231002X) holds accounts at ICBC and BJRCB).
              API (HTTPS, mutual TLS only):  https://127.0.0.1:\(apiPort)
              Operators (plain HTTP):        http://127.0.0.1:\(operatorPort)/metrics  /healthz  /readyz  /dashboard

            Submit the example query as court 京0105 and wait for its results:
              swift run hubd submit --data-directory \(directory) --court 京0105 \(example)

            Freeze 张三's ICBC account (a limited freeze: 100,000.00 asked, 80,000.00 there):
              swift run hubd submit --data-directory \(directory) --court 京0105 \(directory)/examples/freeze-icbc.json

            The same by hand — seal the exact bytes, then post them with the court's certificate:
              swift run hubd seal sign --key \(directory)/seals/court-京0105.pem --key-id 'court:京0105#1' --in \(example) --envelope > sealed.json
              curl --cert \(pki)/clients/\(court).pem --key \(pki)/clients/\(court)-key.pem --cacert \(pki)/ca.pem \\
                   -H 'content-type: application/json' --data-binary @sealed.json https://127.0.0.1:\(apiPort)/v1/instructions

            Stop with Ctrl-C.
            """
    }
}
