import QueryHub
import Testing

@Suite("Hub configuration")
struct HubConfigurationTests {
    @Test("a file sets what it names, the environment overrides it, and defaults fill the rest")
    func layering() throws {
        var configuration = try HubConfiguration.parse(Array(#"{"listenPort": 9443, "store": "sqlite", "leaseSeconds": 10}"#.utf8))
        #expect(configuration.listenPort == 9443 && configuration.leaseSeconds == 10)
        #expect(configuration.operatorPort == HubConfiguration().operatorPort)
        #expect(HubConfiguration.environmentName("maximumItemsPerPoll") == "QUERYHUB_MAXIMUM_ITEMS_PER_POLL")
        configuration = try HubConfiguration.load(file: nil, environment: ["QUERYHUB_LISTEN_PORT": "7443", "UNRELATED": "x"])
        #expect(configuration.listenPort == 7443)
    }

    @Test("a bad configuration names the setting", arguments: [
        (#"{"listenPort": 70000}"#, "listenPort"),
        (#"{"store": "mysql"}"#, "store"),
        (#"{"store": "postgres"}"#, "postgresURL"),
        (#"{"leaseSeconds": 0}"#, "leaseSeconds"),
        (#"{"listenPort": "eighty"}"#, "listenPort"),
        (#"{"listenPortt": 80}"#, "listenPortt"),
        (#"{"listenPort": 80, "listenPort": 81}"#, "$.listenPort"),
    ])
    func refusals(text: String, setting: String) {
        #expect {
            var configuration = try HubConfiguration.parse(Array(text.utf8))
            try configuration.validate()
            configuration = HubConfiguration()
        } throws: { error in
            (error as? ConfigurationError)?.setting == setting
        }
    }
}
