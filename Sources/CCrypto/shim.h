#include <openssl/evp.h>
#include <openssl/sha.h>
/* pem.h before cms.h: without it PEM_read_bio_CMS is undeclared. */
#include <openssl/pem.h>
#include <openssl/cms.h>
#include <openssl/x509.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/objects.h>

/* The sk_* accessors and OPENSSL_free are function-like macros, which Swift cannot call. */
static inline int tz_sk_X509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *tz_sk_X509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline void tz_sk_X509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline int tz_sk_CMS_SignerInfo_num(const STACK_OF(CMS_SignerInfo) *s) { return sk_CMS_SignerInfo_num(s); }
static inline CMS_SignerInfo *tz_sk_CMS_SignerInfo_value(const STACK_OF(CMS_SignerInfo) *s, int i) {
    return sk_CMS_SignerInfo_value(s, i);
}
static inline void tz_OPENSSL_free(void *p) { OPENSSL_free(p); }

/* The oldest error on this thread's queue, with the text OpenSSL attached to it (e.g. the
   X509 verify error behind "certificate verify error"); 0 when the queue is empty. */
static inline unsigned long tz_ERR_get_error_data(const char **data) {
    int flags = 0;
    return ERR_get_error_all(NULL, NULL, NULL, data, &flags);
}

/* A signer's digest and signature algorithm OIDs, without X509_ALGOR crossing into Swift. */
static inline const ASN1_OBJECT *tz_CMS_SignerInfo_algorithm(CMS_SignerInfo *si, int signature) {
    X509_ALGOR *digest = NULL, *sig = NULL;
    const ASN1_OBJECT *oid = NULL;
    CMS_SignerInfo_get0_algs(si, NULL, NULL, &digest, &sig);
    X509_ALGOR *alg = signature ? sig : digest;
    if (alg) X509_ALGOR_get0(&oid, NULL, NULL, alg);
    return oid;
}
