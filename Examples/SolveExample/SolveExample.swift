// Solves the problems of a problem file with the Entail library and prints, for each, its
// verdict and the premises that back it.
//
//     swift run SolveExample [problems/socrates.problem]

import Entail
import Foundation

@main
struct SolveExample {
    static func main() async {
        let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "problems/socrates.problem"
        do {
            let problems = try ProblemFileReader.read(contentsOfFile: path)
            let reasoner = Reasoner(prover: .both, timeout: .seconds(10))
            var wrong = 0
            for problem in problems {
                let solution = try await reasoner.solve(problem)
                print("\(solution.id): \(solution.verdict.rawValue)")
                switch solution.certificate {
                case .core(let premises)?, .proof(let premises, _)?:
                    print("  because of premises " + premises.map { String($0 + 1) }.joined(separator: ", "))
                case .countermodels?:
                    print("  a model of the premises where the conclusion fails exists")
                case .bound(let bound)?:
                    print("  bound hit: \(bound)")
                case .error(let message)?:
                    print("  error: \(message)")
                case nil:
                    break
                }
                if solution.correct == false {
                    print("  expected \(solution.expected!.rawValue)")
                    wrong += 1
                }
            }
            exit(wrong == 0 ? 0 : 1)
        } catch {
            FileHandle.standardError.write(Data("SolveExample: \(error)\n".utf8))
            exit(2)
        }
    }
}
