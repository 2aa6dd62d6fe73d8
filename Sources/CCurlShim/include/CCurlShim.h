#ifndef TIZILIM_CCURLSHIM_H
#define TIZILIM_CCURLSHIM_H
#include <curl/curl.h>

/* curl_easy_setopt is variadic; Swift cannot call it. One typed wrapper per argument kind. */
CURLcode tz_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tz_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tz_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode tz_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode tz_curl_setopt_write_callback(CURL *handle,
    size_t (*callback)(char *data, size_t size, size_t count, void *user));
CURLcode tz_curl_setopt_read_callback(CURL *handle,
    size_t (*callback)(char *buffer, size_t size, size_t count, void *user));
/* CURLOPT_DEBUGFUNCTION: the only way libcurl shows the server's own reply text (e.g. "550 5.1.1 ..."). */
CURLcode tz_curl_setopt_debug_callback(CURL *handle,
    int (*callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *user));
CURLcode tz_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
#endif
