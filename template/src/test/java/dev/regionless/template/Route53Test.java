package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code AWS::Route53::HealthCheck}, {@code RecordSet} and {@code RecordSetGroup}, read for the router. */
class Route53Test {

    /** The health check and latency record of the original Quack (QCon London 2019), as its template declares them. */
    private static final String ORIGINAL = """
            Parameters:
              HostedZoneId:
                Type: AWS::Route53::HostedZone::Id
                Default: Z45J1D2QQ43H93
            Resources:
              HealthCheck:
                Type: AWS::Route53::HealthCheck
                Properties:
                  HealthCheckConfig:
                    FullyQualifiedDomainName: !Sub "abc123.execute-api.${AWS::Region}.amazonaws.com"
                    RequestInterval: 10
                    ResourcePath: /Prod/health
                    Type: HTTPS
              DnsRecord:
                Type: AWS::Route53::RecordSet
                Properties:
                  AliasTarget:
                    DNSName: !Sub "d-abc.execute-api.${AWS::Region}.amazonaws.com"
                    EvaluateTargetHealth: false
                    HostedZoneId: ZJ5UAJN8Y3Z2Q
                  HostedZoneId: !Ref HostedZoneId
                  Name: api.quack.regionless.test.
                  Region: !Sub "${AWS::Region}"
                  SetIdentifier: !Sub "${AWS::Region} API"
                  Type: A
                  HealthCheckId: !Ref HealthCheck
            """;

    /** A template whose resources are {@code resources}, each indented as under {@code Resources}. */
    private static String resources(String resources) {
        return "Resources:\n" + resources.stripIndent().indent(2);
    }

    /** One health check, {@code Check}, with {@code config} as its HealthCheckConfig; the first line is line 6. */
    private static String check(String config) {
        return """
                Resources:
                  Check:
                    Type: AWS::Route53::HealthCheck
                    Properties:
                      HealthCheckConfig:
                """ + config.stripIndent().indent(8);
    }

    /** One record, {@code Record}, in zone Z1, with {@code properties}; the first is line 6. */
    private static String record(String properties) {
        return """
                Resources:
                  Record:
                    Type: AWS::Route53::RecordSet
                    Properties:
                      HostedZoneId: Z1
                """ + properties.stripIndent().indent(6);
    }

    @Test
    void theOriginalQuacksLatencyRecordPointsAtTheRegionAndItsHealthCheck() {
        var app = Templates.read(ORIGINAL);

        var check = app.healthChecks().getFirst();
        var record = app.routingRecords().getFirst();
        assertThat(record.name()).isEqualTo("api.quack.regionless.test");
        assertThat(record.type()).isEqualTo(RoutingRecord.RecordType.A);
        assertThat(record.policy()).isEqualTo(new RoutingPolicy.Latency("eu-west-2"));
        assertThat(record.setIdentifier()).isEqualTo("eu-west-2 API");
        assertThat(record.region()).isEqualTo("eu-west-2");
        assertThat(record.hostedZoneId()).isEqualTo("Z45J1D2QQ43H93");
        assertThat(record.aliasTarget())
                .isEqualTo(new AliasTargetSpec("d-abc.execute-api.eu-west-2.amazonaws.com", "ZJ5UAJN8Y3Z2Q", false));
        assertThat(record.healthCheckId()).isEqualTo(check.id());
        assertThat(app.healthCheck(record.healthCheckId())).contains(check);
        assertThat(check.region()).isEqualTo("eu-west-2");
        assertThat(check.type()).isEqualTo(HealthCheckSpec.Type.HTTPS);
        assertThat(check.resourcePath()).isEqualTo("/Prod/health");
        assertThat(check.requestIntervalSeconds()).isEqualTo(10);
        assertThat(check.failureThreshold()).isEqualTo(3);
        assertThat(check.searchString()).isNull();
    }

    @Test
    void whatRegionlessDoesNotUseOfTheOriginalIsNamedInWarnings() {
        var warnings = Templates.read(ORIGINAL).warnings();

        assertThat(warnings)
                .containsExactly(
                        "template.yaml:10: Resources.HealthCheck.Properties.HealthCheckConfig.FullyQualifiedDomainName:"
                                + " is ignored (Regionless checks the API of the region whose copy of the template"
                                + " declares the check)",
                        "template.yaml:13: Resources.HealthCheck.Properties.HealthCheckConfig.Type: HTTPS is checked"
                                + " over HTTP (regions serve plain HTTP)");
    }

    @Test
    void eachRegionsCopyOfTheTemplateHasItsOwnHealthCheckIdTheSameOnEveryRead() {
        var london = Templates.read(ORIGINAL).healthChecks().getFirst();
        var again = Templates.read(ORIGINAL).healthChecks().getFirst();
        var virginia = Templates.read(ORIGINAL, TemplateContext.of("us-east-1"))
                .healthChecks()
                .getFirst();

        assertThat(again.id()).isEqualTo(london.id());
        assertThat(virginia.id()).isNotEqualTo(london.id());
        assertThat(london.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void getAttHealthCheckIdAndRefOfARecordGiveTheIdAndTheName() {
        var yaml = ORIGINAL + """
                  Probe:
                    Type: AWS::Route53::RecordSet
                    Properties:
                      HostedZoneId: Z45J1D2QQ43H93
                      Name: !Sub "probe.${DnsRecord}"
                      Type: A
                      Weight: 1
                      SetIdentifier: !GetAtt HealthCheck.HealthCheckId
                      ResourceRecords: [192.0.2.1]
                      TTL: 60
                """;

        var app = Templates.read(yaml);

        var probe = app.routingRecords().get(1);
        assertThat(probe.name()).isEqualTo("probe.api.quack.regionless.test");
        assertThat(probe.setIdentifier())
                .isEqualTo(app.healthChecks().getFirst().id());
    }

    @Test
    void failoverRecordsArePrimaryAndSecondaryWithTheirValuesAndTtl() {
        var app = Templates.read(resources("""
                Primary:
                  Type: AWS::Route53::RecordSet
                  Properties:
                    HostedZoneName: regionless.test.
                    Name: app.regionless.test
                    Type: A
                    Failover: PRIMARY
                    SetIdentifier: london
                    ResourceRecords: [127.0.0.2]
                    TTL: "60"
                Secondary:
                  Type: AWS::Route53::RecordSet
                  Properties:
                    HostedZoneName: regionless.test
                    Name: App.Regionless.Test.
                    Type: A
                    Failover: SECONDARY
                    SetIdentifier: oregon
                    ResourceRecords: [127.0.0.3]
                    TTL: 60
                """));

        assertThat(app.routingRecords())
                .extracting(RoutingRecord::policy)
                .containsExactly(
                        new RoutingPolicy.Failover(RoutingPolicy.Failover.Role.PRIMARY),
                        new RoutingPolicy.Failover(RoutingPolicy.Failover.Role.SECONDARY));
        var secondary = app.routingRecords().get(1);
        assertThat(secondary.name()).isEqualTo("app.regionless.test");
        assertThat(secondary.hostedZoneName()).isEqualTo("regionless.test");
        assertThat(secondary.resourceRecords()).containsExactly("127.0.0.3");
        assertThat(secondary.ttlSeconds()).isEqualTo(60);
        assertThat(secondary.aliasTarget()).isNull();
        assertThat(secondary.healthCheckId()).isNull();
    }

    @Test
    void aRecordSetGroupsRecordsShareItsZoneAndMayBeWeighted() {
        var app = Templates.read(resources("""
                Weighted:
                  Type: AWS::Route53::RecordSetGroup
                  Properties:
                    HostedZoneName: regionless.test.
                    Comment: split traffic
                    RecordSets:
                      - Name: app.regionless.test
                        Type: A
                        Weight: 3
                        SetIdentifier: london
                        AliasTarget: {DNSName: london.regionless.test, HostedZoneId: Z2, EvaluateTargetHealth: true}
                      - Name: app.regionless.test
                        Type: A
                        Weight: 0
                        SetIdentifier: oregon
                        AliasTarget: {DNSName: oregon.regionless.test, HostedZoneId: Z2}
                """));

        assertThat(app.routingRecords())
                .extracting(RoutingRecord::policy)
                .containsExactly(new RoutingPolicy.Weighted(3), new RoutingPolicy.Weighted(0));
        assertThat(app.routingRecords()).allSatisfy(record -> {
            assertThat(record.logicalId()).isEqualTo("Weighted");
            assertThat(record.hostedZoneName()).isEqualTo("regionless.test");
        });
        assertThat(app.routingRecords().getFirst().aliasTarget().evaluateTargetHealth())
                .isTrue();
        assertThat(app.routingRecords().get(1).aliasTarget().evaluateTargetHealth())
                .isFalse();
        assertThat(app.warnings())
                .containsExactly("template.yaml:6: Resources.Weighted.Properties.Comment: is ignored"
                        + " (comments are not kept)");
    }

    @Test
    void aStringMatchCheckKeepsItsSearchStringAndThreshold() {
        var app = Templates.read(check("""
                Type: HTTP_STR_MATCH
                ResourcePath: health
                SearchString: Ok
                FailureThreshold: 2
                RequestInterval: 30
                Inverted: false
                """));

        var check = app.healthChecks().getFirst();
        assertThat(check.type()).isEqualTo(HealthCheckSpec.Type.HTTP_STR_MATCH);
        assertThat(check.searchString()).isEqualTo("Ok");
        assertThat(check.resourcePath()).isEqualTo("/health");
        assertThat(check.failureThreshold()).isEqualTo(2);
        assertThat(check.requestIntervalSeconds()).isEqualTo(30);
        assertThat(check.inverted()).isFalse();
        assertThat(check.disabled()).isFalse();
    }

    @Test
    void aCheckWithoutPathOrIntervalUsesRoute53sDefaults() {
        var check = Templates.read(check("Type: HTTP\n")).healthChecks().getFirst();

        assertThat(check.resourcePath()).isEqualTo("/");
        assertThat(check.requestIntervalSeconds()).isEqualTo(30);
        assertThat(check.failureThreshold()).isEqualTo(3);
    }

    @Test
    void failureThresholdOutsideOneToTenIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> Templates.read(check("Type: HTTP\nFailureThreshold: 0\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:7: Resources.Check.Properties.HealthCheckConfig.FailureThreshold: 0"
                        + " (expected: 1..10)");
    }

    @Test
    void requestIntervalOtherThanTenOrThirtyIsRefused() {
        assertThatThrownBy(() -> Templates.read(check("Type: HTTP\nRequestInterval: 15\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:7: Resources.Check.Properties.HealthCheckConfig.RequestInterval: 15"
                        + " (expected: 10 or 30)");
    }

    @Test
    void aCheckTypeRegionlessCannotRunIsRefused() {
        assertThatThrownBy(() -> Templates.read(check("Type: TCP\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:6: Resources.Check.Properties.HealthCheckConfig.Type: TCP (expected: HTTP,"
                        + " HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH; Regionless checks a region's HTTP API)");
    }

    @Test
    void aCalculatedChecksPropertiesAreRefused() {
        assertThatThrownBy(() -> Templates.read(check("Type: CALCULATED\nChildHealthChecks: [a, b]\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:7: Resources.Check.Properties.HealthCheckConfig.ChildHealthChecks: is not"
                        + " supported by Regionless (expected: an HTTP, HTTPS, HTTP_STR_MATCH or HTTPS_STR_MATCH"
                        + " check)");
    }

    @Test
    void aStringMatchCheckWithoutSearchStringIsRefused() {
        assertThatThrownBy(() -> Templates.read(check("Type: HTTP_STR_MATCH\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("HealthCheckConfig.SearchString: is missing (expected: the text to find in the"
                        + " first 5,120 bytes of the body, 1 to 255 characters)");
    }

    @Test
    void failoverOtherThanPrimaryOrSecondaryIsRefused() {
        var yaml = record("""
                Name: app.regionless.test
                Type: A
                Failover: BACKUP
                SetIdentifier: x
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:8: Resources.Record.Properties.Failover: BACKUP (expected: PRIMARY or"
                        + " SECONDARY)");
    }

    @Test
    void weightAbove255IsRefused() {
        var yaml = record("""
                Name: app.regionless.test
                Type: A
                Weight: 256
                SetIdentifier: x
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:8: Resources.Record.Properties.Weight: 256 (expected: 0..255)");
    }

    @Test
    void twoRoutingPoliciesOnOneRecordAreRefused() {
        var yaml = record("""
                Name: app.regionless.test
                Type: A
                Region: eu-west-2
                Weight: 1
                SetIdentifier: x
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Record.Properties.Weight: is not allowed with Region (expected:"
                        + " one routing policy per record: Region, Failover or Weight)");
    }

    @Test
    void aLatencyRecordWithoutSetIdentifierIsRefused() {
        var yaml = record("""
                Name: app.regionless.test
                Type: A
                Region: eu-west-2
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("Resources.Record.Properties.SetIdentifier: is missing (expected: a name for this"
                        + " record among the latency records of app.regionless.test A)");
    }

    @Test
    void aSimpleRecordWithSetIdentifierOrHealthCheckIsRefused() {
        var withIdentifier = record("""
                Name: app.regionless.test
                Type: A
                SetIdentifier: x
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);
        var withCheck = ORIGINAL.replace("      Region: !Sub \"${AWS::Region}\"\n", "")
                .replace("      SetIdentifier: !Sub \"${AWS::Region} API\"\n", "");

        assertThatThrownBy(() -> Templates.read(withIdentifier))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("SetIdentifier: is only for records with Region, Failover or Weight (expected: no"
                        + " SetIdentifier on a simple record)");
        assertThatThrownBy(() -> Templates.read(withCheck))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("HealthCheckId: is only used by records with Region, Failover or Weight"
                        + " (expected: no HealthCheckId on a simple record)");
    }

    @Test
    void aHealthCheckIdThatIsNotACheckOfTheTemplateIsRefused() {
        var yaml = ORIGINAL.replace("HealthCheckId: !Ref HealthCheck", "HealthCheckId: abcdef11-2222-3333");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:26: Resources.DnsRecord.Properties.HealthCheckId: abcdef11-2222-3333"
                        + " (expected: the Ref of an AWS::Route53::HealthCheck of this template, such as !Ref"
                        + " HealthCheck)");
    }

    @Test
    void twoPrimaryRecordsOfOneNameAreRefused() {
        var yaml = resources("""
                One:
                  Type: AWS::Route53::RecordSet
                  Properties: {HostedZoneId: Z1, Name: app.regionless.test, Type: A, Failover: PRIMARY,
                               SetIdentifier: one, ResourceRecords: [127.0.0.2], TTL: 60}
                Two:
                  Type: AWS::Route53::RecordSet
                  Properties: {HostedZoneId: Z1, Name: app.regionless.test, Type: A, Failover: PRIMARY,
                               SetIdentifier: two, ResourceRecords: [127.0.0.3], TTL: 60}
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("Resources.Two.Properties: app.regionless.test A already has a PRIMARY record"
                        + " (expected: one PRIMARY and one SECONDARY), declared by One");
    }

    @Test
    void recordsOfOneNameWithTheSameSetIdentifierOrDifferentPoliciesAreRefused() {
        var sameIdentifier = resources("""
                One:
                  Type: AWS::Route53::RecordSet
                  Properties: {HostedZoneId: Z1, Name: app.regionless.test, Type: A, Weight: 1,
                               SetIdentifier: same, ResourceRecords: [127.0.0.2], TTL: 60}
                Two:
                  Type: AWS::Route53::RecordSet
                  Properties: {HostedZoneId: Z1, Name: app.regionless.test, Type: A, Weight: 2,
                               SetIdentifier: same, ResourceRecords: [127.0.0.3], TTL: 60}
                """);
        var mixed = sameIdentifier.replace("Weight: 2", "Region: us-west-2");

        assertThatThrownBy(() -> Templates.read(sameIdentifier))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SetIdentifier same is already used for app.regionless.test A");
        assertThatThrownBy(() -> Templates.read(mixed))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("app.regionless.test A has weighted records, not latency (expected: one routing"
                        + " policy for every record of a name and type)");
    }

    @Test
    void routingPoliciesRegionlessCannotFollowAreRefused() {
        var yaml = record("""
                Name: app.regionless.test
                Type: A
                GeoLocation: {ContinentCode: EU}
                SetIdentifier: x
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:8: Resources.Record.Properties.GeoLocation: is not supported by Regionless"
                        + " (expected: latency (Region), failover (Failover) or weighted (Weight) routing)");
    }

    @Test
    void anAliasWithTtlAndARecordWithNeitherAliasNorValuesAreRefused() {
        var aliasWithTtl = record("""
                Name: app.regionless.test
                Type: A
                AliasTarget: {DNSName: x.regionless.test, HostedZoneId: Z2}
                TTL: 60
                """);
        var empty = record("""
                Name: app.regionless.test
                Type: A
                """);

        assertThatThrownBy(() -> Templates.read(aliasWithTtl))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("Resources.Record.Properties.TTL: is not allowed with AliasTarget (expected: no"
                        + " TTL; an alias takes its target's)");
        assertThatThrownBy(() -> Templates.read(empty))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("Resources.Record.Properties.AliasTarget: is missing (expected: an AliasTarget,"
                        + " or ResourceRecords and TTL)");
    }

    @Test
    void valuesThatDoNotFitTheRecordTypeAreRefused() {
        var badAddress = record("""
                Name: app.regionless.test
                Type: A
                ResourceRecords: [127.0.0.256]
                TTL: 60
                """);
        var mx = record("""
                Name: app.regionless.test
                Type: MX
                ResourceRecords: [10 mail.regionless.test]
                TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(badAddress))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("127.0.0.256 (expected: an IPv4 address such as 192.0.2.44)");
        assertThatThrownBy(() -> Templates.read(mx))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:7: Resources.Record.Properties.Type: MX (expected: A, AAAA or CNAME; the"
                        + " router answers with a region's address)");
    }

    @Test
    void aZoneIsNamedOnceAndARecordLiesInIt() {
        var both = record("""
                HostedZoneName: regionless.test
                Name: app.regionless.test
                Type: A
                ResourceRecords: [127.0.0.2]
                TTL: 60
                """);
        var outside = resources("""
                Record:
                  Type: AWS::Route53::RecordSet
                  Properties:
                    HostedZoneName: regionless.test
                    Name: app.example.com
                    Type: A
                    ResourceRecords: [127.0.0.2]
                    TTL: 60
                """);

        assertThatThrownBy(() -> Templates.read(both))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:6: Resources.Record.Properties.HostedZoneName: is not allowed with"
                        + " HostedZoneId (expected: one of HostedZoneId or HostedZoneName)");
        assertThatThrownBy(() -> Templates.read(outside))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("Resources.Record.Properties.Name: app.example.com (expected: a name in the"
                        + " hosted zone regionless.test)");
    }
}
