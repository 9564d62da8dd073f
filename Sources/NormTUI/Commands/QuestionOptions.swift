import ArgumentParser

/// `--no-questions`: open lessons without asking their predict-then-run questions first (for
/// a second showing, or a student on their own).
struct QuestionOptions: ParsableArguments {
    @Flag(name: .customLong("no-questions"), help: "Open lessons without asking the class their questions before the run.")
    var noQuestions = false
}
