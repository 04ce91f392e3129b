#ifndef STEPTRACE_CCAIRO_SHIM_H
#define STEPTRACE_CCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <zlib.h>
#include <libdeflate.h>

#endif
