// tizilim-ocr: one scanned or photographed page in, its words out, read by Tesseract.
//
// Runs as a child of tizilim (OCRText.swift), one process per page, and bounds itself before
// it touches the image: address space, CPU time, no files, no core. A hostile image can make
// it fail or be killed, never the daemon. The image comes on standard input (JPEG, PNG, TIFF,
// GIF, WebP, BMP, PNM through leptonica; HEIC through libheif). What is done to the page, in
// order: refuse images above a pixel budget (read from the header, before decoding), grey,
// scale up pages photographed or scanned below ~300 dpi, deskew (leptonica), recognise with
// Tesseract (psm 4, a single column: a form's label and value stay on one line), then turn the
// page upright and read it again if the first reading was poor and OSD says it lies on its side,
// and re-read with English alone when no valid e-mail address was found (Latin addresses come
// out as Cyrillic with eng+kaz+rus; the notes measured a fix every time).
//
// Output on standard output, tab-separated lines:
//   word  block paragraph line  left top width height  confidence  text
//   box   left top width height  ink-ratio  (a check box; the dark share of its inner area)
//   page  width height  scale  skew-degrees  rotation-degrees  mean-confidence  max-rss-kb  cpu-ms  email-pass
//   error kind  detail                       (then exit status 2: unreadable image, 3: too large, 4: no languages)
//
// OMP_THREAD_LIMIT must be in the environment before libgomp loads: a page takes 6-8 s with
// OpenMP's default threads and about 1 s with one. If the caller did not set it, the program
// executes itself again with it set.

#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#include <libheif/heif.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <regex.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr size_t maxInput = 64u << 20;
// A 12 MP phone photo is the largest page expected; 300 dpi A4 is 8.7 MP. A larger header is a
// bomb or a poster, refused before a byte is decoded.
constexpr long long maxPixels = 40'000'000;
constexpr int maxSide = 16'000;
constexpr rlim_t addressSpace = 1ull << 30;
constexpr rlim_t cpuSeconds = 60;

struct Word {
    int block, paragraph, line;
    int left, top, width, height;
    float confidence;
    std::string text;
};

[[noreturn]] void fail(int status, const char *kind, const std::string &detail) {
    std::printf("error\t%s\t%s\n", kind, detail.c_str());
    std::fflush(stdout);
    std::_Exit(status);
}

void bound() {
    rlimit memory{addressSpace, addressSpace};
    setrlimit(RLIMIT_AS, &memory);
    rlimit cpu{cpuSeconds, cpuSeconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    rlimit none{0, 0};
    setrlimit(RLIMIT_FSIZE, &none);
    setrlimit(RLIMIT_CORE, &none);
}

std::vector<unsigned char> readInput() {
    std::vector<unsigned char> bytes;
    unsigned char chunk[65536];
    for (;;) {
        ssize_t n = read(0, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(2, "corrupt", "cannot read the image");
        if (n == 0) break;
        if (bytes.size() + size_t(n) > maxInput) fail(3, "limitReached", "image larger than 64 MiB");
        bytes.insert(bytes.end(), chunk, chunk + n);
    }
    return bytes;
}

bool isHEIF(const std::vector<unsigned char> &b) {
    if (b.size() < 12 || std::memcmp(b.data() + 4, "ftyp", 4) != 0) return false;
    static const char *brands[] = {"heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif"};
    for (const char *brand : brands)
        if (std::memcmp(b.data() + 8, brand, 4) == 0) return true;
    return false;
}

void checkSize(long long width, long long height) {
    if (width <= 0 || height <= 0) fail(2, "corrupt", "image without pixels");
    if (width > maxSide || height > maxSide || width * height > maxPixels)
        fail(3, "limitReached", "image of " + std::to_string(width) + "x" + std::to_string(height) +
                                    " pixels is beyond the 40-megapixel limit");
}

// The luminance of the primary image of a HEIF file (an iPhone photo), as 8-bit grey.
PIX *readHEIF(const std::vector<unsigned char> &bytes) {
    heif_context *context = heif_context_alloc();
    heif_error error = heif_context_read_from_memory_without_copy(context, bytes.data(), bytes.size(), nullptr);
    if (error.code != heif_error_Ok) fail(2, "corrupt", std::string("HEIF: ") + error.message);
    heif_image_handle *handle = nullptr;
    error = heif_context_get_primary_image_handle(context, &handle);
    if (error.code != heif_error_Ok) fail(2, "corrupt", std::string("HEIF: ") + error.message);
    checkSize(heif_image_handle_get_width(handle), heif_image_handle_get_height(handle));
    heif_image *image = nullptr;
    // libheif 1.15 converts to RGB but not to grey; the luminance is taken here.
    error = heif_decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGB, nullptr);
    if (error.code != heif_error_Ok) fail(2, "corrupt", std::string("HEIF: ") + error.message);
    int width = heif_image_get_width(image, heif_channel_interleaved);
    int height = heif_image_get_height(image, heif_channel_interleaved);
    checkSize(width, height);
    int stride = 0;
    const uint8_t *plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
    if (!plane) fail(2, "corrupt", "HEIF image without pixels");
    PIX *pix = pixCreate(width, height, 8);
    if (!pix) fail(3, "limitReached", "no memory for the image");
    for (int y = 0; y < height; y++) {
        l_uint32 *line = pixGetData(pix) + y * pixGetWpl(pix);
        const uint8_t *rgb = plane + size_t(y) * size_t(stride);
        for (int x = 0; x < width; x++)
            SET_DATA_BYTE(line, x, (299 * rgb[3 * x] + 587 * rgb[3 * x + 1] + 114 * rgb[3 * x + 2]) / 1000);
    }
    heif_image_release(image);
    heif_image_handle_release(handle);
    heif_context_free(context);
    return pix;
}

PIX *readImage(const std::vector<unsigned char> &bytes) {
    if (bytes.empty()) fail(2, "corrupt", "empty image");
    if (isHEIF(bytes)) return readHEIF(bytes);
    // A PNG states its size in its first chunk: judged there even when the rest is missing.
    static const unsigned char pngSignature[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (bytes.size() >= 24 && std::memcmp(bytes.data(), pngSignature, 8) == 0 && std::memcmp(bytes.data() + 12, "IHDR", 4) == 0) {
        auto be32 = [&](size_t at) { return (long long)bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3]; };
        checkSize(be32(16), be32(20));
    }
    l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, colormap = 0;
    if (pixReadHeaderMem(bytes.data(), bytes.size(), &format, &width, &height, &bps, &spp, &colormap) != 0)
        fail(2, "corrupt", "not an image leptonica can read");
    checkSize(width, height);
    PIX *pix = pixReadMem(bytes.data(), bytes.size());
    if (!pix) fail(2, "corrupt", "the image could not be decoded (truncated or damaged)");
    checkSize(pixGetWidth(pix), pixGetHeight(pix));
    return pix;
}

bool isEmail(std::string text) {
    while (!text.empty() && std::strchr(",;:.()<>[]\"'", text.back())) text.pop_back();
    while (!text.empty() && std::strchr("(<[\"'", text.front())) text.erase(0, 1);
    static regex_t pattern;
    static bool compiled = regcomp(&pattern, "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
                                   REG_EXTENDED | REG_NOSUB) == 0;
    return compiled && regexec(&pattern, text.c_str(), 0, nullptr, 0) == 0;
}

TessBaseAPI *engine(const char *languages) {
    TessBaseAPI *api = TessBaseAPICreate();
    if (TessBaseAPIInit3(api, nullptr, languages) != 0) {
        TessBaseAPIDelete(api);
        return nullptr;
    }
    return api;
}

std::vector<Word> recognise(TessBaseAPI *api, PIX *pix, int resolution, float *mean) {
    TessBaseAPISetPageSegMode(api, tesseract::PSM_SINGLE_COLUMN);
    TessBaseAPISetImage2(api, pix);
    TessBaseAPISetSourceResolution(api, resolution);
    std::vector<Word> words;
    if (TessBaseAPIRecognize(api, nullptr) != 0) return words;
    if (mean) *mean = float(TessBaseAPIMeanTextConf(api));
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (!it) return words;
    const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(it);
    int block = 0, paragraph = 0, line = 0;
    do {
        if (TessPageIteratorIsAtBeginningOf(page, tesseract::RIL_BLOCK)) block++;
        if (TessPageIteratorIsAtBeginningOf(page, tesseract::RIL_PARA)) paragraph++;
        if (TessPageIteratorIsAtBeginningOf(page, tesseract::RIL_TEXTLINE)) line++;
        char *text = TessResultIteratorGetUTF8Text(it, tesseract::RIL_WORD);
        if (!text) continue;
        int left = 0, top = 0, right = 0, bottom = 0;
        TessPageIteratorBoundingBox(page, tesseract::RIL_WORD, &left, &top, &right, &bottom);
        Word word{block, paragraph, line, left, top, right - left, bottom - top, TessResultIteratorConfidence(it, tesseract::RIL_WORD), text};
        TessDeleteText(text);
        for (char &c : word.text)
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        if (!word.text.empty()) words.push_back(word);
    } while (TessResultIteratorNext(it, tesseract::RIL_WORD));
    TessResultIteratorDelete(it);
    return words;
}

// The page turned by the quarter turns OSD reports, or 0 when it is upright or OSD is unsure.
int uprightRotation(PIX *pix, int resolution) {
    TessBaseAPI *osd = engine("osd");
    if (!osd) return 0;
    TessBaseAPISetPageSegMode(osd, tesseract::PSM_OSD_ONLY);
    TessBaseAPISetImage2(osd, pix);
    TessBaseAPISetSourceResolution(osd, resolution);
    int degrees = 0;
    float confidence = 0, scriptConfidence = 0;
    const char *script = nullptr;
    BOOL found = TessBaseAPIDetectOrientationScript(osd, &degrees, &confidence, &script, &scriptConfidence);
    TessBaseAPIEnd(osd);
    TessBaseAPIDelete(osd);
    return found && confidence >= 1.5f ? degrees : 0;
}

struct CheckBox {
    int left, top, width, height;
    double ink;
};

// Check boxes on the page, which Tesseract does not see (☐ and ☒ come out as letters or not at
// all): frames of about the text height, square, whose four sides are straight dark lines. Each comes with the share of dark pixels in its inner area, inside the frame, so a
// cross, tick or fill (joined to the frame or not) tells from an empty box.
std::vector<CheckBox> checkBoxes(PIX *page) {
    std::vector<CheckBox> found;
    PIX *binary = pixConvertTo1(page, 150);
    if (!binary) return found;
    // Frames alone: horizontal and vertical strokes of 15 pixels or more. A hand tick or cross is
    // diagonal and drops out, so one that runs over the frame does not hide the box. A bold
    // lower-case "о" can open to a small square: the size limit below keeps it out.
    PIX *horizontal = pixOpenBrick(nullptr, binary, 15, 1);
    PIX *vertical = pixOpenBrick(nullptr, binary, 1, 15);
    PIX *frames = horizontal && vertical ? pixOr(nullptr, horizontal, vertical) : nullptr;
    pixDestroy(&horizontal);
    pixDestroy(&vertical);
    if (!frames) { pixDestroy(&binary); return found; }
    BOXA *boxes = pixConnComp(frames, nullptr, 8);
    int count = boxes ? boxaGetCount(boxes) : 0;
    // More components than a dense page has letters: noise, not a form; no boxes are looked for.
    if (count > 60000) count = 0;
    for (int i = 0; i < count; i++) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        // The page is at about 300 dpi here: a box of 9-14 pt text is 25-60 pixels a side, a
        // lower-case letter under 22.
        if (w < 24 || h < 24 || w > 90 || h > 90 || w * 4 < h * 3 || h * 4 < w * 3) continue;
        int band = std::max(2, std::min(w, h) / 8);
        // Each side: some row (column) in its outer band dark along 85% of the length.
        auto rowDark = [&](int row) {
            int dark = 0;
            for (int c = x; c < x + w; c++) { l_uint32 v = 0; pixGetPixel(frames, c, row, &v); dark += v; }
            return dark * 100 >= w * 85;
        };
        auto columnDark = [&](int column) {
            int dark = 0;
            for (int r = y; r < y + h; r++) { l_uint32 v = 0; pixGetPixel(frames, column, r, &v); dark += v; }
            return dark * 100 >= h * 85;
        };
        bool top = false, bottom = false, left = false, right = false;
        for (int k = 0; k < band; k++) {
            top = top || rowDark(y + k);
            bottom = bottom || rowDark(y + h - 1 - k);
            left = left || columnDark(x + k);
            right = right || columnDark(x + w - 1 - k);
        }
        if (!(top && bottom && left && right)) continue;
        // The inner area: a fifth of the side in from each edge, clear of the frame's thickness.
        int inset = std::max(band + 1, std::min(w, h) / 5);
        int dark = 0, area = 0;
        for (int r = y + inset; r < y + h - inset; r++)
            for (int c = x + inset; c < x + w - inset; c++) {
                l_uint32 v = 0;
                pixGetPixel(binary, c, r, &v);
                dark += v;
                area++;
            }
        if (area == 0) continue;
        found.push_back({x, y, w, h, double(dark) / area});
    }
    boxaDestroy(&boxes);
    pixDestroy(&frames);
    pixDestroy(&binary);
    return found;
}

double cpuMillis() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 + usage.ru_stime.tv_sec * 1000.0 +
           usage.ru_stime.tv_usec / 1000.0;
}

} // namespace

int main(int argc, char **argv) {
    if (!getenv("OMP_THREAD_LIMIT")) {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        execv("/proc/self/exe", argv);
    }
    const char *languages = "eng+kaz+rus";
    bool listLanguages = false;
    for (int i = 1; i < argc; i++) {
        if (std::strcmp(argv[i], "--languages") == 0 && i + 1 < argc) languages = argv[++i];
        else if (std::strcmp(argv[i], "--list-languages") == 0) listLanguages = true;
    }
    bound();
    setMsgSeverity(L_SEVERITY_NONE);

    if (listLanguages) {
        TessBaseAPI *api = engine("eng");
        if (!api) fail(4, "toolMissing", "tesseract has no English model");
        char **names = TessBaseAPIGetAvailableLanguagesAsVector(api);
        for (char **name = names; name && *name; name++) std::printf("language\t%s\n", *name);
        TessDeleteTextArray(names);
        TessBaseAPIEnd(api);
        TessBaseAPIDelete(api);
        return 0;
    }

    std::vector<unsigned char> bytes = readInput();
    PIX *original = readImage(bytes);
    std::vector<unsigned char>().swap(bytes);
    PIX *grey = pixConvertTo8(original, 0);
    pixDestroy(&original);
    if (!grey) fail(3, "limitReached", "no memory to convert the image to grey");

    // Tesseract reads best with capital letters about 30 pixels high, as on a 300 dpi page.
    // A page scanned or photographed smaller is scaled up, taking the page to be A4 wide.
    int width = pixGetWidth(grey), height = pixGetHeight(grey);
    int narrow = width < height ? width : height;
    float scale = 1.0f;
    if (narrow < 2000) scale = std::fmin(2.5f, 2480.0f / float(narrow));
    if (scale > 1.05f) {
        PIX *scaled = pixScaleGrayLI(grey, scale, scale);
        if (scaled) { pixDestroy(&grey); grey = scaled; }
    } else {
        scale = 1.0f;
    }
    int resolution = 300;

    float skew = 0, skewConfidence = 0;
    PIX *page = pixFindSkewAndDeskew(grey, 0, &skew, &skewConfidence);
    if (!page) page = pixClone(grey);
    if (skewConfidence < 2.5f) skew = 0;  // pixFindSkewAndDeskew rotates only when it is sure
    pixDestroy(&grey);

    TessBaseAPI *api = engine(languages);
    if (!api) fail(4, "toolMissing", std::string("tesseract language data missing for ") + languages);
    float mean = 0;
    // The boxes are measured, then painted white: Tesseract reads an empty box as "О" or "(1"
    // and joins it to the option's number ("(11)"), which would spoil the option it stands before.
    std::vector<CheckBox> boxes = checkBoxes(page);
    for (const CheckBox &b : boxes) {
        BOX *area = boxCreate(b.left - 2, b.top - 2, b.width + 4, b.height + 4);
        pixSetInRect(page, area);
        boxDestroy(&area);
    }
    std::vector<Word> words = recognise(api, page, resolution, &mean);

    // A page on its side reads poorly (70 where an upright one reads 95); only then is OSD worth its cost.
    int rotation = 0;
    if (mean < 85) {
        rotation = uprightRotation(page, resolution);
        if (rotation != 0) {
            // OSD reports the clockwise turn the page has; pixRotateOrth turns clockwise too.
            PIX *upright = pixRotateOrth(page, (4 - rotation / 90) % 4);
            if (upright) {
                float uprightMean = 0;
                std::vector<Word> again = recognise(api, upright, resolution, &uprightMean);
                if (uprightMean > mean) {
                    words.swap(again);
                    mean = uprightMean;
                    // The boxes turn with the page, a quarter turn clockwise at a time.
                    for (int turn = 0, h = pixGetHeight(page), w = pixGetWidth(page); turn < (4 - rotation / 90) % 4; turn++) {
                        for (CheckBox &b : boxes) b = {h - (b.top + b.height), b.left, b.height, b.width, b.ink};
                        std::swap(w, h);
                    }
                    pixDestroy(&page);
                    page = upright;
                } else {
                    pixDestroy(&upright);
                    rotation = 0;
                }
            }
        }
    }

    bool emailPass = false;
    bool hasEmail = false;
    for (const Word &w : words) hasEmail = hasEmail || isEmail(w.text);
    if (!hasEmail && std::strcmp(languages, "eng") != 0) {
        TessBaseAPI *english = engine("eng");
        if (english) {
            emailPass = true;
            std::vector<Word> latin = recognise(english, page, resolution, nullptr);
            for (const Word &found : latin) {
                if (!isEmail(found.text)) continue;
                // The words of the first reading under the address give way to it; the first
                // keeps its place in the line, the others are dropped.
                bool placed = false;
                for (size_t i = 0; i < words.size();) {
                    Word &w = words[i];
                    int overlap = std::min(w.left + w.width, found.left + found.width) - std::max(w.left, found.left);
                    int vertical = std::min(w.top + w.height, found.top + found.height) - std::max(w.top, found.top);
                    if (overlap > 0 && vertical > 0 && overlap * 2 > std::min(w.width, found.width)) {
                        if (!placed) {
                            w.text = found.text;
                            w.confidence = found.confidence;
                            w.left = std::min(w.left, found.left);
                            w.width = std::max(w.width, found.width);
                            placed = true;
                            i++;
                        } else {
                            words.erase(words.begin() + long(i));
                        }
                    } else {
                        i++;
                    }
                }
            }
            TessBaseAPIEnd(english);
            TessBaseAPIDelete(english);
        }
    }

    for (const Word &w : words)
        std::printf("word\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%s\n", w.block, w.paragraph, w.line, w.left, w.top, w.width,
                    w.height, w.confidence, w.text.c_str());
    for (const CheckBox &b : boxes)
        std::printf("box\t%d\t%d\t%d\t%d\t%.3f\n", b.left, b.top, b.width, b.height, b.ink);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("page\t%d\t%d\t%.3f\t%.2f\t%d\t%.1f\t%ld\t%.0f\t%d\n", pixGetWidth(page), pixGetHeight(page), scale, skew,
                rotation, mean, usage.ru_maxrss, cpuMillis(), emailPass ? 1 : 0);
    TessBaseAPIEnd(api);
    TessBaseAPIDelete(api);
    pixDestroy(&page);
    return std::fflush(stdout) == 0 ? 0 : 1;
}
