// tizilim-pdftext includes poppler's headers itself; this module only brings their search
// path and the library (pkg-config poppler) to the targets that depend on it.
