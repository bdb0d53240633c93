@_exported import Logic
@_exported import Problems
@_exported import Prover
@_exported import Z3Bridge
@_exported import Decoder
