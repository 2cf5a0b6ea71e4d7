import ArgumentParser

/// `hubd`: the hub daemon and its tools.
@main
struct Hubd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubd",
        abstract: "The court enforcement query-and-control hub (网络执行查控系统) and its tools.",
        subcommands: [KeysCommand.self, SealCommand.self, BenchCommand.self, NationCommand.self]
    )
}
