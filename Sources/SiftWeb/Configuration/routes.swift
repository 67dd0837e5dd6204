import Vapor

/// Registers every route from `SiteRoute`. Everything but signing in needs a signed-in user.
func routes(_ app: Application) throws {
    let signIn = SignInController()
    app.get("sign-in", use: signIn.show)
    app.post("sign-in", use: signIn.signIn)

    let signedIn = app.grouped(RequireSignInMiddleware())
    signedIn.post("sign-out", use: signIn.signOut)
    signedIn.get(use: OverviewController().show)
    let establishments = EstablishmentController()
    signedIn.get("establishments", use: establishments.list)
    signedIn.get("establishments.csv", use: establishments.csv)
    signedIn.get("establishments", ":urn", use: EstablishmentPageController().show)
}
