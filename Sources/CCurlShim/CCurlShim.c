#include "CCurlShim.h"

CURLcode tz_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode tz_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode tz_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode tz_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode tz_curl_setopt_write_callback(CURL *handle,
    size_t (*callback)(char *data, size_t size, size_t count, void *user)) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}
CURLcode tz_curl_setopt_read_callback(CURL *handle,
    size_t (*callback)(char *buffer, size_t size, size_t count, void *user)) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}
CURLcode tz_curl_setopt_debug_callback(CURL *handle,
    int (*callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *user)) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}
CURLcode tz_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
