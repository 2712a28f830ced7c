#ifndef AVANCE_CPOPPLER_SHIM_H
#define AVANCE_CPOPPLER_SHIM_H

// poppler's GLib interface (Debian libpoppler-glib-dev): a PDF's pages, their text, one
// rectangle per character of it, and the fonts. Only Sources/AvanceExtract/PDF/PopplerReader.swift
// uses it.
#include <poppler.h>

// GLib's memory and reference functions are macros or type-generic wrappers in some
// versions; these are plain functions Swift can always call.
static inline void avance_g_free(void *pointer) { g_free(pointer); }
static inline void avance_g_object_unref(void *object) { g_object_unref(object); }
static inline void avance_g_error_free(GError *error) { g_error_free(error); }
static inline void avance_g_bytes_unref(GBytes *bytes) { g_bytes_unref(bytes); }

// POPPLER_ERROR is a macro calling a function; the domain of poppler's own errors.
static inline GQuark avance_poppler_error_quark(void) { return POPPLER_ERROR; }

// What poppler tells about a damaged file (syntax errors, a broken cross-reference table)
// goes through g_log at the INFO level, in the "Poppler" domain, and is otherwise hidden.
static inline GLogLevelFlags avance_poppler_log_levels(void) {
    return (GLogLevelFlags)(G_LOG_LEVEL_MASK & ~(G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL));
}

#endif
