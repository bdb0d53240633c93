import XCTest
@testable import Search

final class StrategyNameTests: XCTestCase {
    func testEveryNameRoundTrips() {
        for name in Strategy.names {
            XCTAssertEqual(Strategy(name: name, samples: 4)?.name, name)
        }
        XCTAssertNil(Strategy(name: "majority", samples: 4))
        XCTAssertEqual(Strategy(name: "vote", samples: 0), .vote(samples: 1))
    }
}
