import Logic

/// Random edits of a text: the mutations the fuzz tests apply.
enum TextMutator {
    static let pieces: [String] = [
        "\n", "\r\n", " ", "    ", "\t", "#", "\\#", ":", "---", "fol:", "    fol: ", "premise: ", "goal: ",
        "conclusion: ", "axiom: ", "option: ", "expect: ", "world: ", "answer: ", "name: ", "(", ")", "[", "]",
        "{", "}", "\"", ",", "∀", "→", "¬", "é", "\u{0}", "\u{FEFF}", "A) ", "true", "maybe",
        ">>>", "&&", ":::", "$x", "True", "False", "Pred(", "null", "-1e999", "\\u12",
    ]

    static func mutate(_ text: String, using rng: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !scalars.isEmpty:  // delete a span
                let end = min(scalars.count, at + Int.random(in: 1...8, using: &rng))
                if at < end { scalars.removeSubrange(at..<end) }
            case 1:  // insert a piece
                scalars.insert(contentsOf: pieces.randomElement(using: &rng)!.unicodeScalars, at: at)
            case 2:  // truncate
                scalars = Array(scalars[..<at])
            case 3 where !scalars.isEmpty:  // duplicate a span
                let end = min(scalars.count, at + Int.random(in: 1...40, using: &rng))
                if at < end { scalars.insert(contentsOf: scalars[at..<end], at: at) }
            default:  // replace one scalar
                if at < scalars.count {
                    scalars[at] = pieces.randomElement(using: &rng)!.unicodeScalars.first ?? " "
                }
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
