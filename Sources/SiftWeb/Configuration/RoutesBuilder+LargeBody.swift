import Vapor

/// Form posts whose body may be larger than Vapor's default bound (16 kB): an upload, or a
/// framework's text. `RequireSignInMiddleware` reads the CSRF token from the body before
/// Vapor collects it for the route, so the route keeps its bound where the middleware can
/// collect up to it; otherwise a body arriving in more than one piece has no token yet.
extension RoutesBuilder {
    @discardableResult
    func post(_ path: PathComponent..., largestBody: ByteCount,
              use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: largestBody), use: closure)
        route.userInfo[Route.largestBodyKey] = largestBody.value
        return route
    }
}

extension Route {
    static let largestBodyKey = "sift.largestBody"

    /// The most bytes a post to this route may send: its own bound, or Vapor's default.
    func largestBody(default bound: ByteCount) -> Int {
        userInfo[Self.largestBodyKey] as? Int ?? bound.value
    }
}
