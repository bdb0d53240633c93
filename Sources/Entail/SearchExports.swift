/// `import Entail` brings the search vocabulary (Strategy, Budget, SearchOutcome, ...) too.
@_exported import Search
