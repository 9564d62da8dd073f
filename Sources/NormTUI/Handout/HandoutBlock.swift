import NormLessons
import TerminalUI

/// One block of a handout, written out as Markdown or as HTML that prints on A4.
enum HandoutBlock: Equatable {
    case title(String)
    case heading(String)
    case paragraph(String)
    case list([String])
    case numbered([String])
    /// Answers with a box to tick, for the class's prediction.
    case checkboxes([String])
    case preformatted(String)
    case figure(String, caption: String)
    case table(header: [String], rows: [[String]])

    static func markdown(_ blocks: [HandoutBlock]) -> String {
        blocks.map { block -> String in
            switch block {
            case .title(let text): "# \(text)"
            case .heading(let text): "## \(text)"
            case .paragraph(let text): text
            case .list(let items): items.map { "- \($0)" }.joined(separator: "\n")
            case .numbered(let items): items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            case .checkboxes(let items): items.map { "- [ ] \($0)" }.joined(separator: "\n")
            case .preformatted(let text): "```\n\(text)\n```"
            case .figure(let file, let caption): "![\(caption)](\(file))\n\n*\(caption)*"
            case .table(let header, let rows):
                ([header, header.map { _ in "---" }] + rows).map { row in
                    "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
                }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n") + "\n"
    }

    static func html(_ blocks: [HandoutBlock], title: String, language: Language) -> String {
        let body = blocks.map { block -> String in
            switch block {
            case .title(let text): "<h1>\(escaped(text))</h1>"
            case .heading(let text): "<h2>\(escaped(text))</h2>"
            case .paragraph(let text): "<p>\(escaped(text))</p>"
            case .list(let items): "<ul>" + items.map { "<li>\(escaped($0))</li>" }.joined() + "</ul>"
            case .numbered(let items): "<ol>" + items.map { "<li>\(escaped($0))</li>" }.joined() + "</ol>"
            case .checkboxes(let items): "<ul class=\"answers\">" + items.map { "<li>☐ \(escaped($0))</li>" }.joined() + "</ul>"
            case .preformatted(let text): "<pre>\(escaped(text))</pre>"
            case .figure(let file, let caption):
                "<figure><img src=\"\(escaped(file))\" alt=\"\(escaped(caption))\"><figcaption>\(escaped(caption))</figcaption></figure>"
            case .table(let header, let rows):
                "<table><thead><tr>" + header.map { "<th>\(escaped($0))</th>" }.joined() + "</tr></thead><tbody>"
                    + rows.map { "<tr>" + $0.map { "<td>\(escaped($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
            }
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(title))</title>
            <style>
            @page { size: A4; margin: 16mm 18mm; }
            body { font: 11pt/1.45 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 174mm; margin: 0 auto; }
            h1 { font-size: 17pt; margin: 0 0 4pt; }
            h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; break-after: avoid; }
            pre { font: 10pt/1.4 "DejaVu Sans Mono", monospace; background: #f3f3f3; padding: 6pt 8pt; white-space: pre-wrap; }
            figure { margin: 8pt 0; break-inside: avoid; }
            figure img { width: 100%; }
            figcaption { font-size: 9.5pt; color: #444; }
            table { border-collapse: collapse; width: 100%; font-size: 10pt; }
            th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            ul.answers { list-style: none; padding-left: 1em; }
            tr, li { break-inside: avoid; }
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// Text safe in HTML element content and attribute values.
    static func escaped(_ text: String) -> String { text.xmlEscaped }
}
