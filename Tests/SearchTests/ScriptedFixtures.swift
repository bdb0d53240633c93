import Logic
import SemanticParser
@testable import Search

/// A translation source that answers from a script: per sentence, the greedy
/// translation first, then the alternatives samples cycle through (offset by the seed).
struct ScriptedSource: TranslationSampler {
    /// (formula text, log-probability, tokens)
    typealias Entry = (text: String, logp: Double, tokens: Int)
    var script: [String: [Entry]]
    var maxTokensPerTranslation: Int = 10
    private(set) var calls: [TranslationRequest] = []

    init(_ script: [String: [Entry]]) { self.script = script }

    mutating func translate(_ request: TranslationRequest) -> TranslationBatch {
        calls.append(request)
        guard let entries = script[request.sentence], !entries.isEmpty else {
            return TranslationBatch(translations: [], tokens: 0, modelCalls: 1, failure: "not in the script")
        }
        var picked: [Int] = []
        if request.includeGreedy { picked.append(0) }
        let alternatives = entries.count - 1
        var k = 0
        while picked.count < request.samples && alternatives > 0 && k < request.samples {
            picked.append(1 + Int((request.seed &+ UInt64(k)) % UInt64(alternatives)))
            k += 1
        }
        if picked.isEmpty { picked = [0] }
        var out: [StatementTranslation] = []
        var tokens = 0
        for p in picked {
            let e = entries[p]
            tokens += e.tokens
            let f = try! FOLParser.parse(e.text).formula
            if !out.contains(where: { $0.text == e.text }) {
                out.append(StatementTranslation(formula: f, text: e.text, logProbability: e.logp, tokens: e.tokens,
                                                origin: "script", isGreedy: p == 0))
            }
        }
        return TranslationBatch(translations: out, tokens: tokens, modelCalls: 1)
    }
}

/// A decider for ground (quantifier-free) theories by truth tables over their atoms.
struct TruthTableDecider: TheoryDecider {
    let maxProverCallsPerDecision = 1

    func decide(premises: [Formula], conclusion: Formula, secondsLeft: Double?) -> TheoryDecision {
        var atoms: [String] = []
        func collect(_ f: Formula) -> Bool {
            switch f {
            case .truth, .falsity: return true
            case .predicate, .equal:
                let a = FOLPrinter.ascii(f)
                if !atoms.contains(a) { atoms.append(a) }
                return true
            case .not(let g): return collect(g)
            case .and(let gs), .or(let gs): return gs.allSatisfy(collect)
            case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b): return collect(a) && collect(b)
            case .forall, .exists: return false
            }
        }
        guard (premises + [conclusion]).allSatisfy(collect), atoms.count <= 12 else {
            return TheoryDecision(verdict: .error, detail: "not ground")
        }
        func eval(_ f: Formula, _ v: [String: Bool]) -> Bool {
            switch f {
            case .truth: return true
            case .falsity: return false
            case .predicate, .equal: return v[FOLPrinter.ascii(f)]!
            case .not(let g): return !eval(g, v)
            case .and(let gs): return gs.allSatisfy { eval($0, v) }
            case .or(let gs): return gs.contains { eval($0, v) }
            case .implies(let a, let b): return !eval(a, v) || eval(b, v)
            case .iff(let a, let b): return eval(a, v) == eval(b, v)
            case .xor(let a, let b): return eval(a, v) != eval(b, v)
            case .forall, .exists: return false
            }
        }
        var models = 0, withC = 0
        for bits in 0..<(1 << atoms.count) {
            var v: [String: Bool] = [:]
            for (i, a) in atoms.enumerated() { v[a] = bits & (1 << i) != 0 }
            guard premises.allSatisfy({ eval($0, v) }) else { continue }
            models += 1
            if eval(conclusion, v) { withC += 1 }
        }
        let verdict: Verdict = models == 0 ? .inconsistent : withC == models ? .true : withC == 0 ? .false : .unknown
        return TheoryDecision(verdict: verdict, premisesSatisfiable: models > 0, proversAgree: nil, proverCalls: 1)
    }
}

/// A problem whose statements are the given sentences (the last is the conclusion).
func scriptedProblem(_ sentences: [String], id: String = "p") -> SearchProblem {
    SearchProblem(id: id,
                  premises: sentences.dropLast().enumerated().map { SearchStatement(role: .premise($0.offset + 1), sentence: $0.element) },
                  conclusion: SearchStatement(role: .conclusion, sentence: sentences.last!))
}

/// The panel without the model-dependent soft signals, so scores are easy to predict.
func plainPanel() -> VerifierPanel {
    VerifierPanel(members: [
        .init(ParseVerifier(), required: true), .init(SignatureVerifier(), required: true),
        .init(SatisfiabilityVerifier(), required: true), .init(NonVacuityVerifier(), required: true),
    ])
}

func search(_ source: ScriptedSource, panel: VerifierPanel = plainPanel(), _ edit: (inout SearchSettings) -> Void = { _ in }) -> InferenceSearch {
    var settings = SearchSettings(panel: panel)
    edit(&settings)
    return InferenceSearch(source: source, decider: TruthTableDecider(), settings: settings)
}
