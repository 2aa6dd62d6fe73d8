#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and encoding.h would then include ICU's headers, which clash
   with the copy Foundation carries. Only xmlCharEncodingHandler's layout depends on it, and
   nothing here touches one. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/* libxml2 2.9 raises a few errors without a parser context (bytes the declared encoding does not
   have, broken UTF-16), so a context's own handler never sees them: they go to the calling
   thread's handlers, which print to stderr by default. XMLTree swaps in handlers that ignore
   everything for the length of one parse. The generic handler is variadic, which Swift cannot
   define, hence C. */

static inline void cxml2_ignore_generic(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void cxml2_ignore_structured(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

/* The thread's handlers as they were; function pointers as void * so Swift imports the struct. */
typedef struct {
    void *generic;
    void *genericContext;
    void *structured;
    void *structuredContext;
} cxml2_thread_handlers;

static inline cxml2_thread_handlers cxml2_silence_thread(void) {
    cxml2_thread_handlers saved = {
        (void *)xmlGenericError, xmlGenericErrorContext,
        (void *)xmlStructuredError, xmlStructuredErrorContext,
    };
    xmlSetGenericErrorFunc(NULL, cxml2_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, cxml2_ignore_structured);
    return saved;
}

static inline void cxml2_restore_thread(cxml2_thread_handlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, (xmlGenericErrorFunc)saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, (xmlStructuredErrorFunc)saved.structured);
}
