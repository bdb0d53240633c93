import XCTest
@testable import SemanticParser

final class SemanticParserSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
