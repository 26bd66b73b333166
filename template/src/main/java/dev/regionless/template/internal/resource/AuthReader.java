package dev.regionless.template.internal.resource;

import dev.regionless.template.AuthorizerSpec;
import dev.regionless.template.FunctionSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an API's SAM {@code Auth}: Lambda TOKEN and REQUEST authorizers on REST APIs; Lambda (payload 1.0 or 2.0)
 * and JWT authorizers on HTTP APIs; and the {@code DefaultAuthorizer}. Each Lambda authorizer's {@code FunctionArn}
 * must name a function of the template.
 */
final class AuthReader {

    private static final Pattern HTTP_IDENTITY = Pattern.compile("\\$request\\.(header|querystring)\\..+");

    private AuthReader() {}

    /** A REST API's {@code Auth}. */
    static ApiAuth rest(Properties api, String apiLogicalId, ReadContext context) {
        return read(api, apiLogicalId, context, true);
    }

    /** An HTTP API's {@code Auth}. */
    static ApiAuth http(Properties api, String apiLogicalId, ReadContext context) {
        return read(api, apiLogicalId, context, false);
    }

    private static ApiAuth read(Properties api, String apiLogicalId, ReadContext context, boolean rest) {
        var auth = api.mapping("Auth");
        if (auth.isEmpty()) {
            return ApiAuth.none(apiLogicalId);
        }
        (rest ? AuthProperties.REST_AUTH : AuthProperties.HTTP_AUTH).check(auth.get(), context);
        var properties = new Properties(auth.get(), context.resolver());
        if (rest) {
            properties.get("AddDefaultAuthorizerToCorsPreflight").ifPresent(Values::bool);
        }
        var authorizers = new LinkedHashMap<String, AuthorizerSpec>();
        properties
                .mapping("Authorizers")
                .ifPresent(all -> all.entries().forEach((name, value) -> {
                    var settings = new Properties(Values.mapping(value), context.resolver());
                    var spec = rest ? restAuthorizer(name, settings, context) : httpAuthorizer(name, settings, context);
                    authorizers.put(name, spec);
                }));
        var defaultNode = properties.get("DefaultAuthorizer");
        var defaultName = defaultNode.map(Values::string).orElse(null);
        if (defaultName != null && !authorizers.containsKey(defaultName)) {
            throw defaultNode
                    .get()
                    .location()
                    .error(defaultName + " is not an authorizer of " + apiLogicalId + " (expected: one of "
                            + authorizers.keySet() + ")");
        }
        return new ApiAuth(apiLogicalId, authorizers, defaultName);
    }

    private static AuthorizerSpec restAuthorizer(String name, Properties settings, ReadContext context) {
        AuthProperties.REST_LAMBDA.check(settings.raw(), context);
        var function = function(settings, name, context);
        var type = settings.get("FunctionPayloadType").map(Values::string).orElse("TOKEN");
        var identity = settings.mapping("Identity");
        if (type.equals("TOKEN")) {
            identity.ifPresent(mapping -> AuthProperties.TOKEN_IDENTITY.check(mapping, context));
            var properties = identity.map(mapping -> new Properties(mapping, context.resolver()));
            var header = properties.flatMap(p -> p.string("Header")).orElse("Authorization");
            var validation =
                    properties.flatMap(p -> p.get("ValidationExpression")).map(AuthReader::regex);
            return AuthorizerSpec.lambda(
                    name,
                    AuthorizerSpec.Kind.LAMBDA_TOKEN,
                    function,
                    List.of("method.request.header." + header),
                    validation.orElse(null),
                    ttl(properties, 300),
                    "1.0",
                    false);
        }
        if (!type.equals("REQUEST")) {
            throw Values.unexpected(settings.required("FunctionPayloadType", "TOKEN or REQUEST"), "TOKEN or REQUEST");
        }
        identity.ifPresent(mapping -> AuthProperties.REST_REQUEST_IDENTITY.check(mapping, context));
        var properties = identity.map(mapping -> new Properties(mapping, context.resolver()));
        var sources = sources(properties, "method.request.header.", "method.request.querystring.");
        int ttl = ttl(properties, 300);
        if (sources.isEmpty() && ttl > 0) {
            throw settings.raw()
                    .location()
                    .error("REQUEST authorizer " + name + " caches results for " + ttl + " s but has no identity "
                            + "source (expected: Identity with Headers or QueryStrings, or ReauthorizeEvery: 0)");
        }
        return AuthorizerSpec.lambda(
                name, AuthorizerSpec.Kind.LAMBDA_REQUEST, function, sources, null, ttl, "1.0", false);
    }

    private static AuthorizerSpec httpAuthorizer(String name, Properties settings, ReadContext context) {
        if (settings.raw().has("JwtConfiguration") || !settings.raw().has("FunctionArn")) {
            return jwt(name, settings, context);
        }
        AuthProperties.HTTP_LAMBDA.check(settings.raw(), context);
        var function = function(settings, name, context);
        var versionNode = settings.required("AuthorizerPayloadFormatVersion", "1.0 or 2.0");
        var version = Values.string(versionNode);
        if (version.equals("1") || version.equals("2")) {
            version = version + ".0";
        }
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw Values.unexpected(versionNode, "1.0 or 2.0");
        }
        var simple = settings.get("EnableSimpleResponses").map(Values::bool).orElse(false);
        if (simple && version.equals("1.0")) {
            throw settings.raw()
                    .location()
                    .child("EnableSimpleResponses")
                    .error("true needs AuthorizerPayloadFormatVersion 2.0 (expected: false, or version 2.0)");
        }
        var identity = settings.mapping("Identity");
        identity.ifPresent(mapping -> AuthProperties.HTTP_IDENTITY.check(mapping, context));
        var properties = identity.map(mapping -> new Properties(mapping, context.resolver()));
        var sources = sources(properties, "$request.header.", "$request.querystring.");
        int ttl = ttl(properties, 0);
        if (sources.isEmpty() && ttl > 0) {
            throw settings.raw()
                    .location()
                    .error("Lambda authorizer " + name + " caches results for " + ttl + " s but has no identity "
                            + "source (expected: Identity with Headers or QueryStrings, or ReauthorizeEvery: 0)");
        }
        return AuthorizerSpec.lambda(
                name, AuthorizerSpec.Kind.LAMBDA_REQUEST, function, sources, null, ttl, version, simple);
    }

    private static AuthorizerSpec jwt(String name, Properties settings, ReadContext context) {
        AuthProperties.JWT.check(settings.raw(), context);
        var configuration = settings.mapping("JwtConfiguration")
                .orElseThrow(() -> settings.missing(
                        "JwtConfiguration",
                        "JwtConfiguration with issuer and audience for a JWT authorizer, or FunctionArn for a Lambda"
                                + " authorizer"));
        AuthProperties.JWT_CONFIGURATION.check(configuration, context);
        var jwt = new Properties(configuration, context.resolver());
        var issuerNode = jwt.get("issuer")
                .orElseThrow(
                        () -> configuration
                                .location()
                                .child("issuer")
                                .error(
                                        "is missing from JWT authorizer " + name
                                                + " (expected: the issuer URL, such as https://cognito-idp.REGION.amazonaws.com/POOL)"));
        var issuer = Values.string(issuerNode);
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw Values.unexpected(issuerNode, "an https URL; its /.well-known/openid-configuration lists the keys");
        }
        var audienceNode = jwt.required("audience", "a list of accepted audiences (client ids)");
        var audience = audienceNode instanceof dev.regionless.template.internal.node.Scalar
                ? List.of(Values.string(audienceNode))
                : Values.strings(audienceNode);
        if (audience.isEmpty()) {
            throw Values.unexpected(audienceNode, "one or more audiences");
        }
        var sourceNode = settings.get("IdentitySource");
        var source = sourceNode.map(Values::string).orElse("$request.header.Authorization");
        if (!HTTP_IDENTITY.matcher(source).matches()) {
            throw Values.unexpected(sourceNode.get(), "$request.header.NAME or $request.querystring.NAME");
        }
        var scopes = settings.strings("AuthorizationScopes").orElse(List.of());
        return AuthorizerSpec.jwt(name, source, issuer, audience, scopes);
    }

    private static FunctionSpec function(Properties settings, String name, ReadContext context) {
        var arn = settings.required("FunctionArn", "the ARN of a function of this template, such as !GetAtt Fn.Arn");
        var functionName = WebSocketIntegrationReader.functionName(arn, context);
        return context.functions().stream()
                .filter(function -> function.functionName().equals(functionName))
                .findFirst()
                .orElseThrow(() -> arn.location()
                        .error("function " + functionName + " of authorizer " + name + " is not a function of this "
                                + "template in " + context.resolver().context().region()
                                + " (expected: the ARN of an " + FunctionKind.TYPE + ", such as !GetAtt Fn.Arn)"));
    }

    private static List<String> sources(Optional<Properties> identity, String headerPrefix, String queryPrefix) {
        var sources = new ArrayList<String>();
        identity.flatMap(p -> p.strings("Headers")).orElse(List.of()).forEach(h -> sources.add(headerPrefix + h));
        identity.flatMap(p -> p.strings("QueryStrings")).orElse(List.of()).forEach(q -> sources.add(queryPrefix + q));
        return sources;
    }

    private static int ttl(Optional<Properties> identity, int fallback) {
        return identity.flatMap(p -> p.integer("ReauthorizeEvery", 0, 3600)).orElse(fallback);
    }

    private static String regex(Node node) {
        var text = Values.string(node);
        try {
            Pattern.compile(text);
            return text;
        } catch (PatternSyntaxException e) {
            throw Values.unexpected(node, "a regular expression");
        }
    }
}
