@_exported import Logic
@_exported import Problems
