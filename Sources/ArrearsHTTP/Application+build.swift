import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore
import ArrearsWeb
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIHummingbird
import Prometheus
import ServiceLifecycle

/// The one place the HTTP application is assembled, for `arrearsd serve` and for tests alike.
public func buildApplication(
    configuration: ServerConfiguration, store: any ArrearsStorage,
    clock: any InstantSource = SystemInstantSource(),
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(configuration: configuration, store: store, clock: clock, metrics: metrics)
    var services: [any Service] = [ShutdownNotice(logger: Logger.announcing(from: logger))]
    if configuration.webhooks.url != nil {
        services.append(try WebhookDelivery(outbox: store, settings: configuration.webhooks, clock: clock, logger: logger))
    }
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "arrearsd"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The router alone, for tests that drive it without a socket.
public func buildRouter(
    configuration: ServerConfiguration, store: any ArrearsStorage, clock: any InstantSource,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) throws -> Router<ArrearsRequestContext> {
    let router = Router(context: ArrearsRequestContext.self)
    let document = ByteBuffer(bytes: PackageResources.openapi_yaml)
    router.add(middleware: RequestLogMiddleware())
    // Outside ProblemMiddleware, so refused requests are counted with the status they were answered with.
    router.add(middleware: RequestMetricsMiddleware(registry: metrics))
    let rules = try ShippedReferenceData.ruleBook().configured(configuration.stageLengths)
    let platform = Platform(
        store: store, vault: try EvidenceVault(directory: configuration.resolvedEvidenceDirectory),
        rules: rules, sizes: try ShippedReferenceData.sizeStandard(),
        regions: try ShippedReferenceData.regions(), clock: clock, limits: configuration.abuseLimits,
        evidenceLimits: EvidenceLimits(file: configuration.evidenceFileLimit, complaint: configuration.evidenceComplaintLimit),
        tokenCacheSeconds: configuration.tokenCacheSeconds, statisticsDocument: ArrearsService.statisticsDocument)
    // The web pages answer every path outside the API's, in HTML, before any of the API's JSON middleware.
    let proxies = configuration.trustedProxies
    router.add(
        middleware: Portal<ArrearsRequestContext>(
            platform: platform, bodyLimit: configuration.bodyLimit,
            edge: .init(
                clientAddress: { request, context in
                    proxies.client(
                        peer: context.remoteAddress?.ipAddress ?? "unknown", forwardedFor: request.headers[AuthenticationMiddleware.forwardedFor])
                },
                requestID: { RequestValues.requestID },
                isSecure: { request, context in
                    // Only a trusted proxy's word that the browser used TLS counts.
                    proxies.addresses.contains(context.remoteAddress?.ipAddress ?? "")
                        && request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
                })))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: HeaderDecodingMiddleware())
    let routes = try DocumentedRoutes(
        openAPI: String(buffer: document), extra: ["/healthz": ["GET"], "/readyz": ["GET"], "/metrics": ["GET"], "/openapi.yaml": ["GET"]])
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
    router.add(middleware: BodyLimitMiddleware(limit: configuration.bodyLimit))
    router.add(middleware: StrictJSONMiddleware(json: StrictJSON(fenFields: routes.fenFields, dayFields: routes.dayFields), routes: routes))
    router.add(middleware: AuthenticationMiddleware(platform: platform, proxies: configuration.trustedProxies, routes: routes))
    router.add(middleware: QueryContractMiddleware(routes: routes))
    router.add(middleware: PreconditionMiddleware(routes: routes))
    router.get("/healthz") { _, _ in "ok\n" }
    router.get("/readyz") { _, _ -> Response in
        if let problem = await platform.readinessProblem() {
            throw ProblemMapping.notReady(problem)
        }
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
    }
    router.get("/openapi.yaml") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: document))
    }
    MetricsEndpoint(registry: metrics, store: store, clock: clock).register(on: router)
    let service = ArrearsService(platform: platform)
    // Compact JSON: pretty printing (the runtime's default) costs encoding time and bytes on every response.
    let transport = DirectAnswers(router: router, service: service)
    try service.registerHandlers(on: transport, configuration: .init(jsonEncodingOptions: [.sortedKeys]))
    guard transport.unmatched.isEmpty else {
        preconditionFailure("answered directly but not in the contract: \(transport.unmatched.joined(separator: ", "))")
    }
    return router
}
