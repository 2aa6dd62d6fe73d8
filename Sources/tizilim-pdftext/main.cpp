// tizilim-pdftext: poppler's `pdftotext -layout -enc UTF-8` as a fork server.
//
// Starting pdftotext costs ~6 ms of CPU per PDF, nearly all of it the dynamic linker mapping
// and relocating poppler's 36 libraries and poppler reading its encoding tables. This process
// pays that once; then, for each PDF, it forks a child that parses that one document and
// exits. The child is a fresh copy of a process that has never seen untrusted input, so a
// hostile PDF is as isolated as under pdftotext: it can crash or hang only its own child,
// which is bounded by rlimits and a deadline, and it never sees another applicant's document.
// This process itself never parses a PDF.
//
// Protocol on standard input and output (the parent's socket), integers little-endian:
//   request:  "PDF1" u32 timeout-ms  u64 max-output  u64 length  <length bytes of PDF>
//   response: "TXT1" u32 outcome     u32 code        u64 length  <length bytes of UTF-8 text>
// outcome: 0 exited (code = exit status, as pdftotext's: 0 read, 1 unreadable, 99 no pages),
//          1 killed by a signal (code = the signal), 2 deadline passed, 3 output over the limit,
//          4 no child could be started (code = errno).
// End of input ends the server.

#include <poppler-config.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

// A PDF in one mail message: the intake refuses messages above its own cap long before this.
constexpr uint64_t maxInput = 256ull << 20;
// Poppler on a hostile document may allocate without end; the child dies instead of the host.
constexpr rlim_t childAddressSpace = 2ull << 30;

enum Outcome : uint32_t { exited = 0, signaled = 1, deadline = 2, overflow = 3, unstarted = 4 };

bool readFull(int fd, void *buffer, size_t count) {
    auto *p = static_cast<char *>(buffer);
    while (count > 0) {
        ssize_t n = read(fd, p, count);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        count -= size_t(n);
    }
    return true;
}

bool writeFull(int fd, const void *buffer, size_t count) {
    auto *p = static_cast<const char *>(buffer);
    while (count > 0) {
        ssize_t n = write(fd, p, count);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        count -= size_t(n);
    }
    return true;
}

uint32_t u32(const unsigned char *p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }
uint64_t u64(const unsigned char *p) { return uint64_t(u32(p)) | uint64_t(u32(p + 4)) << 32; }
void put32(std::string &out, uint32_t v) { for (int i = 0; i < 4; i++) out.push_back(char(v >> (8 * i))); }
void put64(std::string &out, uint64_t v) { for (int i = 0; i < 8; i++) out.push_back(char(v >> (8 * i))); }

struct Sink {
    int fd;
    bool failed = false;
};

void writeText(void *stream, const char *text, int length) {
    auto *sink = static_cast<Sink *>(stream);
    if (!sink->failed && length > 0 && !writeFull(sink->fd, text, size_t(length))) sink->failed = true;
}

// What pdftotext -layout does between opening the document and exiting, with its exit codes.
int extract(const std::vector<char> &pdf, int fd) {
    // The document owns the stream; the bytes outlive both.
    PDFDoc document(new MemStream(pdf.data(), 0, Goffset(pdf.size()), Object(objNull)));
    if (!document.isOk()) return 1;
    int last = document.getNumPages();
    if (last < 1) return 99;
    Sink sink{fd};
    TextOutputDev text(&writeText, &sink, /*physLayout*/ true, /*fixedPitch*/ 0, /*rawOrder*/ false);
    if (!text.isOk()) return 2;
    text.setMinColSpacing1(TextOutputDev::minColSpacing1_default);
    document.displayPages(&text, 1, last, 72, 72, 0, /*useMediaBox*/ true, /*crop*/ false, /*printing*/ false);
    return sink.failed ? 2 : 0;
}

[[noreturn]] void child(const std::vector<char> &pdf, int out, uint32_t timeoutMillis) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    rlimit cpu{rlim_t(timeoutMillis / 1000 + 2), rlim_t(timeoutMillis / 1000 + 3)};
    setrlimit(RLIMIT_CPU, &cpu);
    rlimit memory{childAddressSpace, childAddressSpace};
    setrlimit(RLIMIT_AS, &memory);
    rlimit none{0, 0};
    setrlimit(RLIMIT_FSIZE, &none);
    setrlimit(RLIMIT_CORE, &none);
    // The request socket is the server's, not the document's.
    close(0);
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) { dup2(devnull, 0); dup2(devnull, 1); dup2(devnull, 2); }
    _exit(extract(pdf, out));
}

int64_t nowMillis() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return int64_t(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

// Runs one document in a child; the response for it.
std::string serve(const std::vector<char> &pdf, uint32_t timeoutMillis, uint64_t maxOutput) {
    std::string response = "TXT1";
    std::string text;
    int pipes[2];
    if (pipe2(pipes, O_CLOEXEC) != 0) {
        put32(response, unstarted); put32(response, uint32_t(errno)); put64(response, 0);
        return response;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(pipes[0]);
        child(pdf, pipes[1], timeoutMillis);
    }
    close(pipes[1]);
    if (pid < 0) {
        int error = errno;
        close(pipes[0]);
        put32(response, unstarted); put32(response, uint32_t(error)); put64(response, 0);
        return response;
    }
    Outcome outcome = exited;
    int64_t limit = nowMillis() + timeoutMillis;
    char chunk[65536];
    for (;;) {
        int64_t left = limit - nowMillis();
        if (left <= 0) { outcome = deadline; break; }
        pollfd p{pipes[0], POLLIN, 0};
        int ready = poll(&p, 1, int(left > 1000000 ? 1000000 : left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;
        ssize_t n = read(pipes[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(chunk, size_t(n));
        if (text.size() > maxOutput) { outcome = overflow; break; }
    }
    close(pipes[0]);
    if (outcome != exited) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    uint32_t code = 0;
    if (outcome == exited) {
        if (WIFSIGNALED(status)) { outcome = signaled; code = uint32_t(WTERMSIG(status)); }
        else code = uint32_t(WEXITSTATUS(status));
    }
    if (outcome != exited || code != 0) text.clear();
    put32(response, outcome);
    put32(response, code);
    put64(response, text.size());
    response += text;
    return response;
}

// Loads what poppler initialises lazily on a first document (encoding tables, the text
// encoding's map), so each child starts from a warm copy instead of redoing it.
void warmUp() {
    static const char pdf[] =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 50]/Contents 4 0 R"
        "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        "4 0 obj<</Length 38>>stream\nBT /F1 12 Tf 10 20 Td (warm up) Tj ET\nendstream endobj\n"
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
        "trailer<</Root 1 0 R>>\n%%EOF\n";
    std::vector<char> bytes(pdf, pdf + sizeof pdf - 1);
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (devnull < 0) return;
    extract(bytes, devnull);
    close(devnull);
}

} // namespace

int main() {
    // No parent-death signal here: Linux ties it to the thread that started us, and the
    // parent's reading threads come and go. The parent gone closes our input, which ends us.
    signal(SIGPIPE, SIG_IGN);
    globalParams = std::make_unique<GlobalParams>();
    globalParams->setTextEncoding("UTF-8");
    globalParams->setErrQuiet(true);
    warmUp();
    for (;;) {
        unsigned char header[24];
        if (!readFull(0, header, sizeof header)) return 0;
        if (std::memcmp(header, "PDF1", 4) != 0) return 2;
        uint32_t timeoutMillis = u32(header + 4);
        uint64_t maxOutput = u64(header + 8);
        uint64_t length = u64(header + 16);
        if (length > maxInput) return 2;
        std::vector<char> pdf(length);
        if (length > 0 && !readFull(0, pdf.data(), length)) return 0;
        std::string response = serve(pdf, timeoutMillis, maxOutput);
        if (!writeFull(1, response.data(), response.size())) return 0;
    }
}
