package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {

    /** The environment of function Caller, beside function Hello; the first variable is on line 17. */
    private static Map<String, String> environment(String variables) {
        var yaml = Templates.hello("") + """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Caller
                      Runtime: java21
                      CodeUri: caller
                      Environment:
                        Variables:
                """ + variables.stripIndent().indent(10);
        return Templates.read(yaml).function("Caller").orElseThrow().environment();
    }

    @Test
    void subResolvesRegionPseudoParameterPerRegion() {
        var yaml = Templates.hello("""
                Environment: {Variables: {WHERE: !Sub "in ${AWS::Region}"}}
                """);

        var london = Templates.read(yaml, TemplateContext.of("eu-west-2"))
                .function("Hello")
                .orElseThrow();
        var oregon = Templates.read(yaml, TemplateContext.of("us-west-2"))
                .function("Hello")
                .orElseThrow();

        assertThat(london.environment()).containsEntry("WHERE", "in eu-west-2");
        assertThat(oregon.environment()).containsEntry("WHERE", "in us-west-2");
    }

    @Test
    void pseudoParametersComeFromTheContext() {
        var context = new TemplateContext("ap-south-1", "111122223333", "chat", Map.of());
        var yaml = Templates.hello("""
                Environment:
                  Variables:
                    ACCOUNT: !Ref AWS::AccountId
                    STACK: !Ref AWS::StackName
                    PARTITION: !Ref AWS::Partition
                    SUFFIX: !Ref AWS::URLSuffix
                """);

        var function = Templates.read(yaml, context).function("Hello").orElseThrow();

        assertThat(function.environment())
                .containsExactly(
                        Map.entry("ACCOUNT", "111122223333"),
                        Map.entry("STACK", "chat"),
                        Map.entry("PARTITION", "aws"),
                        Map.entry("SUFFIX", "amazonaws.com"));
    }

    @Test
    void unknownPseudoParameterIsRejected() {
        assertThatThrownBy(() -> environment("X: !Ref AWS::Planet"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:17: Resources.Caller.Properties.Environment.Variables.X: "
                        + "Ref: AWS::Planet is not a pseudo parameter");
    }

    @Test
    void refToFunctionGivesItsName() {
        var yaml = Templates.hello("""
                FunctionName: hello-fn
                """) + """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Caller
                      Runtime: java21
                      CodeUri: caller
                      Environment: {Variables: {TARGET: !Ref Hello}}
                """;

        var caller = Templates.read(yaml).function("Caller").orElseThrow();

        assertThat(caller.environment()).containsEntry("TARGET", "hello-fn");
    }

    @Test
    void getAttArnGivesLambdaArnInTheRegionInBothForms() {
        var variables = """
                DOTTED: !GetAtt Hello.Arn
                LISTED: !GetAtt [Hello, Arn]
                LONG: {"Fn::GetAtt": [Hello, Arn]}
                """;

        var env = environment(variables);

        assertThat(env)
                .containsOnly(
                        Map.entry("DOTTED", "arn:aws:lambda:eu-west-2:123456789012:function:Hello"),
                        Map.entry("LISTED", "arn:aws:lambda:eu-west-2:123456789012:function:Hello"),
                        Map.entry("LONG", "arn:aws:lambda:eu-west-2:123456789012:function:Hello"));
    }

    @Test
    void getAttOfUnknownAttributeNamesTheOnesThatExist() {
        assertThatThrownBy(() -> environment("X: !GetAtt Hello.Name"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Caller.Properties.Environment.Variables.X: Fn::GetAtt: "
                        + "AWS::Serverless::Function Hello has no attribute Name (expected: Arn)");
    }

    @Test
    void refToUnknownNameIsRejectedWhereItIsUsed() {
        assertThatThrownBy(() -> environment("X: !Ref Nowhere"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Caller.Properties.Environment.Variables.X: Ref: Nowhere "
                        + "is not a parameter, resource or pseudo parameter of this template");
    }

    @Test
    void refToApiGivesStableTenCharacterLowercaseId() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                  Other:
                    Type: AWS::Serverless::HttpApi
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      Environment: {Variables: {API: !Ref Api, OTHER: !Ref Other}}
                """;

        var first = Templates.read(yaml).function("Hello").orElseThrow().environment();
        var second = Templates.read(yaml).function("Hello").orElseThrow().environment();

        assertThat(first.get("API")).matches("[a-z0-9]{10}").isEqualTo(second.get("API"));
        assertThat(first.get("OTHER")).matches("[a-z0-9]{10}").isNotEqualTo(first.get("API"));
    }

    @Test
    void subReplacesAttributesAndKeepsEscapedLiterals() {
        var env = environment("""
                X: !Sub "${Hello.Arn}|${!Literal}|${AWS::StackName}"
                """);

        assertThat(env)
                .containsEntry("X", "arn:aws:lambda:eu-west-2:123456789012:function:Hello|${Literal}|regionless");
    }

    @Test
    void subListFormPrefersItsOwnVariables() {
        var env = environment("""
                X: !Sub ["${Hello}-${Suffix}", {Hello: mine, Suffix: !Ref AWS::Region}]
                """);

        assertThat(env).containsEntry("X", "mine-eu-west-2");
    }

    @Test
    void subOfAListParameterIsRejected() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Names: {Type: CommaDelimitedList, Default: "a,b"}
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      Environment: {Variables: {X: !Sub "${Names}"}}
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:11: Resources.Hello.Properties.Environment.Variables.X: "
                        + "Fn::Sub: ${Names} is a list (expected: a string)");
    }

    @Test
    void longFormsWorkLikeShortForms() {
        var env = environment("""
                REF: {Ref: AWS::Region}
                SUB: {"Fn::Sub": "${AWS::Region}!"}
                JOIN: {"Fn::Join": ["-", [a, {Ref: AWS::Region}]]}
                """);

        assertThat(env)
                .containsExactly(
                        Map.entry("REF", "eu-west-2"),
                        Map.entry("SUB", "eu-west-2!"),
                        Map.entry("JOIN", "a-eu-west-2"));
    }

    @Test
    void joinSelectAndSplitCompose() {
        var env = environment("""
                SECOND: !Select [1, !Split [",", "a,b,c"]]
                JOINED: !Join [":", !Split [",", "a,b,c"]]
                """);

        assertThat(env).containsEntry("SECOND", "b").containsEntry("JOINED", "a:b:c");
    }

    @Test
    void selectOutOfRangeIsRejected() {
        assertThatThrownBy(() -> environment("X: !Select [3, [a, b]]"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Caller.Properties.Environment.Variables.X: "
                        + "Fn::Select: index 3 is out of range (expected: 0..1)");
    }

    @Test
    void getAZsListsZonesOfTheRegion() {
        var env = environment("X: !Join [',', !GetAZs '']");

        assertThat(env).containsEntry("X", "eu-west-2a,eu-west-2b,eu-west-2c");
    }

    @Test
    void base64EncodesText() {
        var env = environment("X: !Base64 hello");

        assertThat(env).containsEntry("X", "aGVsbG8=");
    }

    @Test
    void findInMapLooksUpTheRegion() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Mappings:
                  Regions:
                    eu-west-2: {Size: 512}
                    us-west-2: {Size: 1024}
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      MemorySize: !FindInMap [Regions, !Ref AWS::Region, Size]
                """;

        var oregon = Templates.read(yaml, TemplateContext.of("us-west-2"))
                .function("Hello")
                .orElseThrow();

        assertThat(oregon.memorySize()).isEqualTo(1024);
    }

    @Test
    void findInMapWithUnknownKeyNamesTheKnownKeys() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Mappings:
                  Regions:
                    eu-west-2: {Size: 512}
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      MemorySize: !FindInMap [Regions, !Ref AWS::Region, Size]
                """;

        assertThatThrownBy(() -> Templates.read(yaml, TemplateContext.of("sa-east-1")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:12: Resources.Hello.Properties.MemorySize: "
                        + "Fn::FindInMap: sa-east-1 is not a key in Regions (expected: one of eu-west-2)");
    }

    @Test
    void ifChoosesTheBranchOfItsCondition() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  InLondon: !Equals [!Ref AWS::Region, eu-west-2]
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      Timeout: !If [InLondon, 30, 5]
                """;

        var london = Templates.read(yaml, TemplateContext.of("eu-west-2"))
                .function("Hello")
                .orElseThrow();
        var oregon = Templates.read(yaml, TemplateContext.of("us-west-2"))
                .function("Hello")
                .orElseThrow();

        assertThat(london.timeoutSeconds()).isEqualTo(30);
        assertThat(oregon.timeoutSeconds()).isEqualTo(5);
    }

    @Test
    void noValueRemovesThePropertyItStandsFor() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      MemorySize: !If [Never, 2048, !Ref AWS::NoValue]
                      Environment:
                        Variables:
                          KEPT: yes
                          GONE: !If [Never, here, !Ref AWS::NoValue]
                """;

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.memorySize()).isEqualTo(128);
        assertThat(function.environment()).containsOnlyKeys("KEPT");
    }

    @Test
    void conditionFunctionsUsedAsValuesGiveTrueOrFalse() {
        var env = environment("""
                EQUAL: !Equals [a, a]
                NOT: !Not [!Equals [a, a]]
                AND: !And [!Equals [a, a], !Equals [b, c]]
                OR: !Or [!Equals [a, a], !Equals [b, c]]
                """);

        assertThat(env)
                .containsExactly(
                        Map.entry("EQUAL", "true"),
                        Map.entry("NOT", "false"),
                        Map.entry("AND", "false"),
                        Map.entry("OR", "true"));
    }

    @Test
    void unsupportedIntrinsicFunctionIsRejected() {
        assertThatThrownBy(() -> environment("X: !ImportValue shared-table"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:17: Resources.Caller.Properties.Environment.Variables.X: "
                        + "Fn::ImportValue is not supported (expected: one of ");
    }

    @Test
    void malformedArgumentNamesTheExpectedShape() {
        assertThatThrownBy(() -> environment("X: !Join [only-one]"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Caller.Properties.Environment.Variables.X: "
                        + "Fn::Join: a list (expected: [delimiter, [value, ...]])");
    }

    @Test
    void circularReferenceBetweenFunctionsIsRejected() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  First:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.First
                      Runtime: java21
                      CodeUri: first
                      FunctionName: !Sub "${Second}-first"
                  Second:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Second
                      Runtime: java21
                      CodeUri: second
                      Environment: {Variables: {PEER: !GetAtt First.Arn}}
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Second.Properties.Environment.Variables.PEER: "
                        + "circular dependency between resources: First -> Second -> First");
    }

    @Test
    void functionReferringToItselfIsACircle() {
        var yaml = Templates.hello("""
                Environment: {Variables: {SELF: !GetAtt Hello.Arn}}
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Environment.Variables.SELF: "
                        + "circular dependency between resources: Hello -> Hello");
    }
}
