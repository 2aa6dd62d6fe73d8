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
//             ("PDF2": the same, answered with the page's geometry instead of its text, below)
//   response: "TXT1" u32 outcome     u32 code        u64 length  <length bytes of UTF-8 text>
// The geometry ("PDF2") is one record a line, fields split by tabs, points from the page's top left:
//   P page width height                  a page begins
//   W x0 y0 x1 y1 flags size text        a word; flags "b" bold, "c" coloured, "-" neither; size in points
//   L x0 y0 x1 y1                        a straight horizontal or vertical stroke, or a thin filled bar
//                                        (underlines and table borders)
//   F x0 y0 x1 y1 rrggbb                 a filled area that is not white (shading, highlighting)
// Form layout is told by these: which words sit in which table cell, which are underlined or bold.
// outcome: 0 exited (code = exit status, as pdftotext's: 0 read, 1 unreadable, 99 no pages),
//          1 killed by a signal (code = the signal), 2 deadline passed, 3 output over the limit,
//          4 no child could be started (code = errno).
// End of input ends the server.

#include <poppler-config.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <GfxState.h>

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
#include <algorithm>
#include <cmath>
#include <cstdio>

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

// Poppler's text device, also keeping the straight lines and filled areas a page draws.
class GeometryDev : public TextOutputDev {
public:
    GeometryDev() : TextOutputDev(static_cast<const char *>(nullptr), /*physLayout*/ true, 0, /*rawOrder*/ false, /*append*/ false) {}
    std::string records;
    // A page of vector art is no form: past this many, its drawing is not described.
    static constexpr int maxShapesPerPage = 4000;
    int shapes = 0;

    void startPage(int pageNum, GfxState *state, XRef *xref) override {
        shapes = 0;
        TextOutputDev::startPage(pageNum, state, xref);
    }
    void stroke(GfxState *state) override {
        const GfxPath *path = state->getPath();
        for (int i = 0; i < path->getNumSubpaths() && shapes < maxShapesPerPage; i++) {
            const GfxSubpath *sub = path->getSubpath(i);
            for (int j = 1; j < sub->getNumPoints() && shapes < maxShapesPerPage; j++) {
                double x0, y0, x1, y1;
                state->transform(sub->getX(j - 1), sub->getY(j - 1), &x0, &y0);
                state->transform(sub->getX(j), sub->getY(j), &x1, &y1);
                if (std::fabs(x0 - x1) < 0.5 || std::fabs(y0 - y1) < 0.5) line(x0, y0, x1, y1);
            }
        }
        TextOutputDev::stroke(state);
    }
    void fill(GfxState *state) override { area(state); TextOutputDev::fill(state); }
    void eoFill(GfxState *state) override { area(state); TextOutputDev::eoFill(state); }

private:
    void line(double x0, double y0, double x1, double y1) {
        char buffer[160];
        snprintf(buffer, sizeof buffer, "L\t%.1f\t%.1f\t%.1f\t%.1f\n", std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1));
        records += buffer;
        shapes++;
    }
    void area(GfxState *state) {
        const GfxPath *path = state->getPath();
        for (int i = 0; i < path->getNumSubpaths() && shapes < maxShapesPerPage; i++) {
            const GfxSubpath *sub = path->getSubpath(i);
            double a = 1e30, b = 1e30, c = -1e30, d = -1e30;
            for (int j = 0; j < sub->getNumPoints(); j++) {
                double x, y;
                state->transform(sub->getX(j), sub->getY(j), &x, &y);
                a = std::min(a, x); b = std::min(b, y); c = std::max(c, x); d = std::max(d, y);
            }
            if (sub->getNumPoints() < 2 || c - a < 0.1 || d - b < 0.1) continue;
            // Word draws underlines and table borders as thin filled bars.
            if (d - b <= 2.5 || c - a <= 2.5) { line(a, b, c, d); continue; }
            GfxRGB rgb;
            state->getFillRGB(&rgb);
            int r = int(colToDbl(rgb.r) * 255 + 0.5), g = int(colToDbl(rgb.g) * 255 + 0.5), bl = int(colToDbl(rgb.b) * 255 + 0.5);
            if (r > 245 && g > 245 && bl > 245) continue;
            char buffer[160];
            snprintf(buffer, sizeof buffer, "F\t%.1f\t%.1f\t%.1f\t%.1f\t%02x%02x%02x\n", a, b, c, d, r, g, bl);
            records += buffer;
            shapes++;
        }
    }
};

bool boldFont(const TextFontInfo *font) {
    if (font == nullptr) return false;
    if (font->isBold()) return true;
    const GooString *name = font->getFontName();
    if (name == nullptr) return false;
    std::string n = name->toStr();
    for (const char *w : {"Bold", "bold", "BOLD", "Black", "Heavy", "Semibold", "SemiBold", "Demi"})
        if (n.find(w) != std::string::npos) return true;
    return false;
}

// Every page's words and drawn lines as the records above, with pdftotext's exit codes.
int geometry(const std::vector<char> &pdf, int fd) {
    PDFDoc document(new MemStream(pdf.data(), 0, Goffset(pdf.size()), Object(objNull)));
    if (!document.isOk()) return 1;
    int last = document.getNumPages();
    if (last < 1) return 99;
    GeometryDev device;
    if (!device.isOk()) return 2;
    for (int page = 1; page <= last; page++) {
        device.records.clear();
        document.displayPage(&device, page, 72, 72, 0, /*useMediaBox*/ true, /*crop*/ false, /*printing*/ false);
        char buffer[200];
        snprintf(buffer, sizeof buffer, "P\t%d\t%.1f\t%.1f\n", page, document.getPageMediaWidth(page), document.getPageMediaHeight(page));
        std::string out = buffer;
        // The page stays the device's until the next one starts.
        std::unique_ptr<TextWordList> words = device.makeWordList();
        for (int i = 0; i < words->getLength(); i++) {
            TextWord *word = words->get(i);
            double x0, y0, x1, y1;
            word->getBBox(&x0, &y0, &x1, &y1);
            std::unique_ptr<GooString> t(word->getText());
            std::string w = t->toStr();
            for (char &ch : w) if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
            double r, g, b;
            word->getColor(&r, &g, &b);
            // Coloured letters (red, blue…) may be how a choice was marked; grey and black are text.
            bool coloured = std::max({r, g, b}) - std::min({r, g, b}) > 0.2;
            std::string flags = boldFont(word->getFontInfo(0)) ? "b" : "";
            if (coloured) flags += "c";
            if (flags.empty()) flags = "-";
            snprintf(buffer, sizeof buffer, "W\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%.1f\t", x0, y0, x1, y1, flags.c_str(), word->getFontSize());
            out += buffer;
            out += w;
            out += '\n';
        }
        out += device.records;
        if (!writeFull(fd, out.data(), out.size())) return 2;
    }
    return 0;
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

[[noreturn]] void child(const std::vector<char> &pdf, int out, uint32_t timeoutMillis, bool layout) {
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
    _exit(layout ? geometry(pdf, out) : extract(pdf, out));
}

int64_t nowMillis() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return int64_t(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

// Runs one document in a child; the response for it.
std::string serve(const std::vector<char> &pdf, uint32_t timeoutMillis, uint64_t maxOutput, bool layout) {
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
        child(pdf, pipes[1], timeoutMillis, layout);
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
        bool layout = std::memcmp(header, "PDF2", 4) == 0;
        if (!layout && std::memcmp(header, "PDF1", 4) != 0) return 2;
        uint32_t timeoutMillis = u32(header + 4);
        uint64_t maxOutput = u64(header + 8);
        uint64_t length = u64(header + 16);
        if (length > maxInput) return 2;
        std::vector<char> pdf(length);
        if (length > 0 && !readFull(0, pdf.data(), length)) return 0;
        std::string response = serve(pdf, timeoutMillis, maxOutput, layout);
        if (!writeFull(1, response.data(), response.size())) return 0;
    }
}
