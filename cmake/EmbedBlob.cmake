# annalist_embed_blob(TARGET <lib> SYMBOL <name> FILE <path>)
#
# Links the bytes of FILE (a compiled index made at build time) into TARGET, so the binary is self-contained:
# nothing to locate or parse at run time, and "loading" is taking two addresses. In C++:
#   #include "core/embedded_blob.h"
#   ANNALIST_EMBEDDED_BLOB(name);            // at namespace scope
#   std::string_view bytes = EmbeddedBlob(name);
# FILE is usually the OUTPUT of an add_custom_command; the target rebuilds when it changes.
function(annalist_embed_blob)
  cmake_parse_arguments(ARG "" "TARGET;SYMBOL;FILE" "" ${ARGN})
  set(asm "${CMAKE_CURRENT_BINARY_DIR}/${ARG_SYMBOL}_blob.S")
  file(WRITE "${asm}.in"
    "  .section .rodata\n"
    "  .global ${ARG_SYMBOL}_begin\n"
    "  .global ${ARG_SYMBOL}_end\n"
    "  .balign 64\n"
    "${ARG_SYMBOL}_begin:\n"
    "  .incbin \"${ARG_FILE}\"\n"
    "${ARG_SYMBOL}_end:\n"
    "  .byte 0\n"
    "  .section .note.GNU-stack,\"\",@progbits\n")
  configure_file("${asm}.in" "${asm}" COPYONLY)
  set_source_files_properties("${asm}" PROPERTIES OBJECT_DEPENDS "${ARG_FILE}" LANGUAGE ASM)
  target_sources(${ARG_TARGET} PRIVATE "${asm}")
endfunction()
