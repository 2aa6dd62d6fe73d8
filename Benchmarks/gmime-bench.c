/*
 * The MIME benchmark workload with GMime 3.
 *
 *   gcc -O2 -o gmime-bench gmime-bench.c $(pkg-config --cflags --libs gmime-3.0)
 *   ./gmime-bench [-v] DIR_OR_FILE...      (-v: one "FILE path parts decoded" line per file)
 *
 * For every file under the given paths (folders walked recursively, sorted; files taken
 * as is): read it into memory, parse it from a memory stream (g_mime_parser_new_with_stream
 * on g_mime_stream_mem_new_with_byte_array: the file buffer is handed over, not copied),
 * walk the whole part tree including nested message/rfc822 (GMimeMessagePart), write
 * every leaf's content through g_mime_data_wrapper_write_to_stream (which undoes the
 * Content-Transfer-Encoding) into a memory stream, and convert text/ leaves to UTF-8 with
 * a GMimeFilterCharset (a missing, UTF-8 or unknown charset: validated as UTF-8 and
 * invalid sequences replaced, as Python's errors='replace' does).
 *
 * Prints, last, the line shared by the three benchmark programs:
 *   RESULT files=N bytes=N seconds=F parts=N decoded=N
 * bytes = input bytes; parts = leaf parts (neither multipart/... nor message/rfc822);
 * decoded = transfer-decoded bytes of the leaves; seconds = wall time of the whole loop,
 * reading included.  An INFO line before it adds text-part counts and decoded characters.
 */
#define _GNU_SOURCE
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    guint64 files, bytes, parts, decoded, text_parts, text_chars, messages, failed;
} Totals;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void collect(const char *path, GPtrArray *out)
{
    if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_ptr_array_add(out, g_strdup(path));
        return;
    }
    GDir *dir = g_dir_open(path, 0, NULL);
    if (!dir) return;
    GPtrArray *names = g_ptr_array_new();
    const char *n;
    while ((n = g_dir_read_name(dir))) if (n[0] != '.') g_ptr_array_add(names, g_strdup(n));
    g_dir_close(dir);
    qsort(names->pdata, names->len, sizeof(char *), cmp_str);
    for (guint i = 0; i < names->len; i++) {
        char *full = g_build_filename(path, names->pdata[i], NULL);
        collect(full, out);
        g_free(full);
        g_free(names->pdata[i]);
    }
    g_ptr_array_free(names, TRUE);
}

static gboolean is_utf8_name(const char *cs)
{
    return cs == NULL || !g_ascii_strcasecmp(cs, "utf-8") || !g_ascii_strcasecmp(cs, "utf8") ||
           !g_ascii_strcasecmp(cs, "us-ascii") || !g_ascii_strcasecmp(cs, "ascii");
}

/* UTF-8 text of a leaf; counts characters. */
static void decode_text(const char *charset, const char *buf, size_t len, Totals *t)
{
    GMimeFilter *f = is_utf8_name(charset) ? NULL : g_mime_filter_charset_new(charset, "UTF-8");
    if (f) {
        char *out;
        size_t outlen, outpre;
        g_mime_filter_complete(f, (char *)buf, len, 0, &out, &outlen, &outpre);
        /* out points into the filter's buffer: count before dropping the filter. */
        t->text_chars += g_utf8_strlen(out, outlen);
        g_object_unref(f);
        return;
    }
    const char *end;
    if (g_utf8_validate(buf, len, &end)) {
        t->text_chars += g_utf8_strlen(buf, len);
    } else {
        char *valid = g_utf8_make_valid(buf, len);  /* U+FFFD for bad bytes */
        t->text_chars += g_utf8_strlen(valid, -1);
        g_free(valid);
    }
}

static void leaf(GMimeObject *obj, Totals *t)
{
    t->parts++;
    GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(obj));
    GMimeStream *out = g_mime_stream_mem_new();
    if (w) g_mime_data_wrapper_write_to_stream(w, out);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
    t->decoded += arr->len;
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    if (ct && !g_ascii_strcasecmp(g_mime_content_type_get_media_type(ct), "text")) {
        t->text_parts++;
        decode_text(g_mime_content_type_get_parameter(ct, "charset"), (const char *)arr->data, arr->len, t);
    }
    g_object_unref(out);
}

static void walk(GMimeObject *obj, Totals *t)
{
    if (obj == NULL) return;
    if (GMIME_IS_MULTIPART(obj)) {
        GMimeMultipart *mp = GMIME_MULTIPART(obj);
        int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n; i++) walk(g_mime_multipart_get_part(mp, i), t);
    } else if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        t->messages++;
        if (m) walk(g_mime_message_get_mime_part(m), t);
    } else if (GMIME_IS_PART(obj)) {
        leaf(obj, t);
    }
}

int main(int argc, char **argv)
{
    int first = 1, verbose = 0;
    if (argc > 1 && !strcmp(argv[1], "-v")) verbose = first = 2;
    if (argc <= first) {
        fprintf(stderr, "usage: %s [-v] DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    g_mime_init();
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (int i = first; i < argc; i++) collect(argv[i], files);
    if (files->len == 0) {
        fprintf(stderr, "no input files\n");
        return 1;
    }
    Totals t = {0};
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (guint i = 0; i < files->len; i++) {
        const char *path = files->pdata[i];
        gchar *data;
        gsize len;
        GError *err = NULL;
        if (!g_file_get_contents(path, &data, &len, &err)) {
            fprintf(stderr, "%s: %s\n", path, err->message);
            g_error_free(err);
            t.failed++;
            continue;
        }
        t.files++;
        t.bytes += len;
        GByteArray *arr = g_byte_array_new_take((guint8 *)data, len);
        GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(arr); /* owns arr */
        GMimeParser *parser = g_mime_parser_new_with_stream(stream);
        g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
        GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
        if (msg) {
            guint64 p0 = t.parts, d0 = t.decoded;
            walk(g_mime_message_get_mime_part(msg), &t);
            if (verbose)
                printf("FILE %s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", path, t.parts - p0, t.decoded - d0);
            g_object_unref(msg);
        } else {
            fprintf(stderr, "%s: not parsed\n", path);
            t.failed++;
        }
        g_object_unref(parser);
        g_object_unref(stream);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    double mib = t.bytes / 1048576.0;
    printf("INFO impl=gmime gmime=%u.%u.%u text_parts=%" G_GUINT64_FORMAT " text_chars=%" G_GUINT64_FORMAT
           " nested_messages=%" G_GUINT64_FORMAT " failed=%" G_GUINT64_FORMAT "\n",
           gmime_major_version, gmime_minor_version, gmime_micro_version,
           t.text_parts, t.text_chars, t.messages, t.failed);
    fprintf(stderr, "# %.1f MiB in %.2f s: %.1f MiB/s, %.0f messages/s\n", mib, secs, mib / secs, t.files / secs);
    printf("RESULT files=%" G_GUINT64_FORMAT " bytes=%" G_GUINT64_FORMAT " seconds=%.3f parts=%" G_GUINT64_FORMAT
           " decoded=%" G_GUINT64_FORMAT "\n", t.files, t.bytes, secs, t.parts, t.decoded);
    g_ptr_array_free(files, TRUE);
    g_mime_shutdown();
    return 0;
}
