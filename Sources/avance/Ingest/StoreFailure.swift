import ArgumentParser
import AvanceStore

extension ExitStatus {
    /// The database could not be opened, read or written (sysexits' EX_IOERR), kept apart
    /// from 1, which means findings.
    static let storeFailed: Int32 = 74
}

/// Runs a store command's body; a store or output error becomes one `avance: ...` line
/// on standard error and exit status 74.
func reportingStoreErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as StoreError {
        Output.error(error.description)
        throw ExitCode(ExitStatus.storeFailed)
    } catch let error as OutputError {
        Output.error(error.description)
        throw ExitCode(ExitStatus.storeFailed)
    }
}
