#include "harness/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string>

namespace cpaudit {
namespace fs = std::filesystem;

namespace {

// The temporary file being written, for the signal handler (which may only
// call async-signal-safe functions: unlink, write, _exit).
char g_temporary[4096];
volatile sig_atomic_t g_writing = 0;

void OnSignal(int sig) {
  if (g_writing) unlink(g_temporary);
  const char* name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
  const char* parts[] = {"cpaudit: interrupted by ", name,
                         "; reports not yet written were not written, none is truncated\n"};
  for (const char* part : parts) {
    ssize_t ignored = write(STDERR_FILENO, part, std::strlen(part));
    (void)ignored;
  }
  _exit(128 + sig);
}

[[noreturn]] void Fail(const fs::path& path, const std::string& what, int error) {
  throw std::runtime_error(path.string() + ": " + what + ": " + std::strerror(error));
}

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &action, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

void WriteFileAtomically(const fs::path& path, std::string_view content) {
  fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw std::runtime_error(folder.string() + ": cannot create the folder: " + ec.message());
  std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  if (temporary.size() >= sizeof g_temporary) {
    throw std::runtime_error(path.string() + ": path too long");
  }
  int fd = mkstemp(temporary.data());
  if (fd < 0) Fail(path, "cannot create a temporary file beside it", errno);
  std::memcpy(g_temporary, temporary.c_str(), temporary.size() + 1);
  g_writing = 1;
  auto abandon = [&](const char* what) {
    int error = errno;
    if (fd >= 0) close(fd);
    unlink(temporary.c_str());
    g_writing = 0;
    Fail(path, what, error);
  };
  for (size_t done = 0; done < content.size();) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) abandon("cannot write the report");
    done += static_cast<size_t>(n);
  }
  // mkstemp makes the file 0600; a report is as readable as any file the user writes.
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) abandon("cannot set the report's permissions");
  if (fsync(fd) != 0) abandon("cannot flush the report to disk");
  int closed = close(fd);
  fd = -1;
  if (closed != 0) abandon("cannot write the report");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) abandon("cannot put the report in place");
  g_writing = 0;
}

}  // namespace cpaudit
