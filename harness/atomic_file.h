#pragma once
// Reports are written whole or not at all: to a temporary file in the target
// folder, flushed to disk, then renamed over the target. An interrupted run
// (a signal, a full disk, a file-size limit) leaves the previous report or
// none, never a truncated one.

#include <filesystem>
#include <string_view>

namespace cpaudit {

// Writes `content` to `path` atomically, creating missing parent folders.
// Throws std::runtime_error naming the path and the reason.
void WriteFileAtomically(const std::filesystem::path& path, std::string_view content);

// On SIGINT, SIGTERM or SIGHUP: removes the temporary file of a write in
// progress, says so on stderr and exits with 128 + the signal. SIGXFSZ is
// ignored, so that a file-size limit is a write error, not a crash.
void InstallInterruptHandlers();

}  // namespace cpaudit
