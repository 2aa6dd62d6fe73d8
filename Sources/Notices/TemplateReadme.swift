/// The README exported beside the templates: the operator's only manual for editing them.
enum TemplateReadme {
    static var text: String {
        let placeholders = NoticePlaceholder.allCases.map { "  {{\($0.rawValue)}}  \($0.meaning)" }.joined(separator: "\n")
        return """
            Notice templates of tizilim
            ===========================

            One file per notice and language: KIND.kk.txt (Kazakh) and KIND.ru.txt (Russian), where KIND is
            receipt, refinement, acceptance, refusal, change-applied or termination-recorded. A file left out
            of this folder falls back to the built-in text; delete the ones you do not change.

            Each file: the first line "Subject: ...", then a blank line, then the body. Save as UTF-8.
            The case tag [VR-...] is put before every subject automatically: replies are matched by it.
            Each notice carries both languages, the applicant's first.

            Placeholders:
            \(placeholders)

            A line whose placeholder has no value for a notice (no staff note, no list) is left out, and
            so is its paragraph when no line with a placeholder remains. Paragraphs are separated by blank
            lines; the HTML part of the mail is made from the text, so write text only.

            An unknown placeholder, a stray brace, or a placeholder that a notice kind never fills (e.g.
            {{deadline}} in acceptance) stops tizilim at start-up with the file and line named. So does a
            template without what its notice must say: {{case_id}} everywhere, {{deadline}} in receipt and
            refinement, {{problems}} in refinement, {{reason}} in refusal.

            """
    }
}
