import ArgumentParser
import Foundation
import NormMath
import NormLessons
import NumberFormatting

/// `normtui compute`: normalize one tensor from a JSON case; json for programs, a worked
/// example for people.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Normalize one tensor given as JSON and show the result.",
        discussion: """
            The input object has "variant", "shape" [N, C, H, W], "x" (flat, NCHW), and optionally \
            "groups", "eps", "eps_placement", "mode", "momentum", "gamma", "beta", "running_mean", \
            "running_var", "variance_algorithm" and "dy" (then the backward pass runs too). \
            A file whose top level is {"input": {…}} (the layout of PyTorch reference cases, \
            which may also hold "expected") is read the same way. \
            Use --input - to read standard input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "The JSON case to read, or - for standard input.", completion: .file(extensions: ["json"]))
    var input: String

    @Option(name: .long, help: "text: a worked example for people; json: for programs.")
    var format: Format = .text

    @Option(name: .customLong("lang"), help: "Language of the text format: en|de (default: from the locale).")
    var language: Language?

    func run() throws {
        let data: Data
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = try InputFile.read(input)
        }
        let result: ComputeResult
        let request: ComputeRequest
        do {
            request = try ComputeRequest(json: data)
            result = try request.run()
        } catch {
            // `error:` lines stay English in every language: scripts match them.
            throw CommandFailure(error.description)
        }
        switch format {
        case .json: print(result.json)  // for programs: never localized
        case .text:
            let language = language ?? .fromEnvironment()
            let text = NumberFormat.withStyle(language.decimalStyle) {
                WorkedExample(request: request, result: result, language: language).text
            }
            print(text, terminator: "")
        }
    }
}
