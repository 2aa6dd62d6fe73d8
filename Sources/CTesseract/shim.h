// tizilim-ocr includes these headers itself; this module only brings their search path and
// the libraries (pkg-config tesseract, which requires lept) to the target that depends on it.
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
