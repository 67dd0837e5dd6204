/// Names one or two edits apart, for "did you mean" in messages about files people write.
public enum Spelling {
    public static func close(_ a: String, _ b: String) -> Bool { EstablishmentReader.closeEnough(a, b) }
}
