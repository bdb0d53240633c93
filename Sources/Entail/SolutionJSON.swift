import Foundation
import Logic

extension Solution {
    /// One JSON object (a single line) with `id`, `verdict` and, where known, `expected`,
    /// `correct`, `certificate`, `prover`, `cross_check`, `repairs`, `ambiguous`, `notes`,
    /// `translations` (each with `logprob` for model translations and `repair_round` when
    /// a repair round produced it) and `cost`.
    public func jsonLine() -> String {
        var object: [String: Any] = ["id": id, "verdict": verdict.rawValue]
        if let expected { object["expected"] = expected.rawValue }
        if let correct { object["correct"] = correct }
        if let prover { object["prover"] = prover }
        if !crossCheck.isEmpty { object["cross_check"] = crossCheck.mapValues(\.rawValue) }
        if !repairs.isEmpty { object["repairs"] = repairs }
        if ambiguous { object["ambiguous"] = true }
        if !notes.isEmpty { object["notes"] = notes }
        if !translations.isEmpty {
            object["translations"] = translations.map { record -> [String: Any] in
                var o: [String: Any] = ["statement": record.statement, "parser": record.parser, "sentence": record.sentence, "fol": record.formula]
                if let lp = record.logProbability { o["logprob"] = (lp * 1e4).rounded() / 1e4 }
                if record.repairRound > 0 { o["repair_round"] = record.repairRound }
                return o
            }
        }
        if let certificate { object["certificate"] = certificate.jsonObject }
        object["cost"] = [
            "seconds": (cost.seconds * 1e4).rounded() / 1e4,
            "prover_calls": cost.proverCalls,
            "model_calls": cost.modelCalls,
            "tokens": cost.tokens,
        ] as [String: Any]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension Certificate {
    var jsonObject: [String: Any] {
        switch self {
        case .core(let premises):
            return ["kind": "unsat-core", "premises": premises]
        case .proof(let premises, let tree):
            return ["kind": "proof", "premises": premises, "tree": tree]
        case .countermodels(let against, let holding):
            var o: [String: Any] = ["kind": "countermodels"]
            if let against { o["conclusion_false"] = against }
            if let holding { o["conclusion_true"] = holding }
            return o
        case .bound(let name):
            return ["kind": "bound", "bound": name]
        case .error(let message):
            return ["kind": "error", "message": message]
        }
    }
}
