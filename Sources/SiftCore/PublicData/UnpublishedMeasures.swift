/// The years the DfE published no figure of a measure, by the year an academic year ends.
/// A table of such a year that has no column for the measure gives every school the measure
/// as *not published*, so a rule that reads it says so rather than waiting for evidence that
/// will never come.
///
/// - 2020 and 2021: no KS2 tests and no exams were taken (COVID-19): nothing is published.
/// - KS2 progress, 2024 and 2025: no KS1 assessments in 2020 and 2021 to measure from.
/// - Progress 8, 2025 and 2026: no KS2 tests in 2020 and 2021 to measure from.
extension KeyStage {
    public func unpublished(in year: Int) -> Set<MeasureID> {
        if year == 2020 || year == 2021 { return Set(measures) }
        switch self {
        case .ks2 where year == 2024 || year == 2025:
            return [.ks2ReadingProgress, .ks2WritingProgress, .ks2MathsProgress]
        case .ks4 where year == 2025 || year == 2026:
            return [.progress8]
        default:
            return []
        }
    }
}
