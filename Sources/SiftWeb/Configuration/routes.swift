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

    let runs = RunController()
    signedIn.get("runs", use: runs.index)
    signedIn.post("runs", use: runs.start)
    signedIn.get("runs", ":year", use: runs.review)
    signedIn.post("runs", ":year", "confirm", use: runs.confirm)
    let decisions = DecisionController()
    signedIn.get("runs", ":year", ":urn", use: decisions.showInRun)
    signedIn.post("runs", ":year", ":urn", use: decisions.decideInRun)
    signedIn.get("establishments", ":urn", "recategorise", use: decisions.showRecategorise)
    signedIn.post("establishments", ":urn", "recategorise", use: decisions.recategorise)
    signedIn.get("letters", ":id", use: LetterController().show)
    let inspections = InspectionFormController()
    signedIn.get("establishments", ":urn", "inspections", "new", use: inspections.show)
    signedIn.post("establishments", ":urn", "inspections", "new", use: inspections.add)
    let records = RecordsController()
    signedIn.get("decisions.csv", use: records.decisionsCSV)
    signedIn.get("audit", use: records.audit)

    let api = APIController()
    app.get("api", "v1", "openapi.json", use: api.openAPI)
    let signedInAPI = app.grouped("api", "v1").grouped(RequireAPISignInMiddleware())
    signedInAPI.get("establishments", use: api.establishments)
    signedInAPI.get("establishments", ":urn", use: api.establishment)
}
