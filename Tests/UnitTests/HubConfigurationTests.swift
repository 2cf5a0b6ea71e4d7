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
        #expect(HubConfiguration.environmentName("postgresURL") == "QUERYHUB_POSTGRES_URL", "an acronym is one word")
        #expect(HubConfiguration.environmentName("advertisedURL") == "QUERYHUB_ADVERTISED_URL")
        configuration = try HubConfiguration.load(file: nil, environment: ["QUERYHUB_LISTEN_PORT": "7443", "UNRELATED": "x"])
        #expect(configuration.listenPort == 7443)
    }

    @Test("issue 6: the limit on open query items comes from the file or QUERYHUB_MAXIMUM_OPEN_BROADCAST_ITEMS and reaches the core")
    func openBroadcastItems() throws {
        #expect(HubConfiguration().coreLimits.maximumOpenBroadcastItems == HubCore.Limits().maximumOpenBroadcastItems)
        let file = try HubConfiguration.parse(Array(#"{"maximumOpenBroadcastItems": 64000}"#.utf8))
        #expect(file.coreLimits.maximumOpenBroadcastItems == 64_000)
        let environment = try HubConfiguration.load(file: nil, environment: ["QUERYHUB_MAXIMUM_OPEN_BROADCAST_ITEMS": "1000"])
        #expect(environment.maximumOpenBroadcastItems == 1_000 && environment.coreLimits.maximumOpenBroadcastItems == 1_000)
    }

    @Test("a bad configuration names the setting", arguments: [
        (#"{"listenPort": 70000}"#, "listenPort"),
        (#"{"store": "mysql"}"#, "store"),
        (#"{"store": "postgres"}"#, "postgresURL"),
        (#"{"leaseSeconds": 0}"#, "leaseSeconds"),
        (#"{"maximumOpenBroadcastItems": 0}"#, "maximumOpenBroadcastItems"),
        (#"{"instanceName": ""}"#, "instanceName"),
        (#"{"instanceName": "hub/1"}"#, "instanceName"),
        (#"{"advertisedURL": "http://10.0.0.2:8443"}"#, "advertisedURL"),
        (#"{"advertisedURL": "https://10.0.0.2:8443/"}"#, "advertisedURL"),
        (#"{"store": "postgres", "postgresURL": "postgres://hub@db/hub", "listenHost": "0.0.0.0"}"#, "advertisedURL"),
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

    @Test("issue 7: an instance's name and advertised URL come from the file or QUERYHUB_INSTANCE_NAME / QUERYHUB_ADVERTISED_URL")
    func instanceSettings() throws {
        let defaults = HubConfiguration()
        #expect(defaults.instanceName == "hub-1")
        #expect(defaults.effectiveAdvertisedURL == "https://127.0.0.1:8443", "without a setting: the listen address")
        let file = try HubConfiguration.parse(Array(#"{"instanceName": "hub-2", "advertisedURL": "https://hub-2.internal:9443", "listenPort": 9443}"#.utf8))
        #expect(file.instanceName == "hub-2")
        #expect(file.effectiveAdvertisedURL == "https://hub-2.internal:9443")
        let environment = try HubConfiguration.load(
            file: nil,
            environment: [
                "QUERYHUB_INSTANCE_NAME": "hub-3", "QUERYHUB_ADVERTISED_URL": "https://10.0.0.3:8443", "QUERYHUB_STORE": "postgres",
                "QUERYHUB_POSTGRES_URL": "postgres://hub@db/hub",
            ])
        #expect(environment.instanceName == "hub-3" && environment.advertisedURL == "https://10.0.0.3:8443")
        var ipv6 = HubConfiguration()
        ipv6.listenHost = "::1"
        #expect(ipv6.effectiveAdvertisedURL == "https://[::1]:8443")
    }
}
