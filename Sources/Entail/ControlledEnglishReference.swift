import Logic
import Search
import SemanticParser

/// The controlled-English parser as a reference translator: the statements in order
/// under one signature (fixed formulas adopted first), each sentence's formula where the
/// parser understands it.
public struct ControlledEnglishReference: ReferenceTranslator {
    public init() {}

    public func references(for statements: [SearchStatement]) -> [Formula?] {
        var parser = ControlledEnglishParser()
        for s in statements { if let f = s.fixed { _ = parser.adopt(f) } }
        return statements.map { s in
            guard s.fixed == nil, !s.sentence.isEmpty else { return nil }
            if case .formula(let f, _) = parser.parse(sentence: s.sentence) { return f }
            return nil
        }
    }
}
