import ArgumentParser

/// `hubd`: the hub daemon and its tools.
@main
struct Hubd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubd",
        abstract: "The court enforcement query-and-control hub (网络执行查控系统) and its tools.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, SubmitCommand.self, AuditCommand.self, KeysCommand.self, SealCommand.self,
            BankAdapterCommand.self, PoliceAdapterCommand.self, BenchCommand.self, DatabaseCommand.self, NationCommand.self,
        ]
    )
}
