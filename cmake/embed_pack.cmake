# Writes OUT: a C++ table of the files of PACK_DIR (name -> text), so the default
# pack ships inside the binary.
file(GLOB files RELATIVE ${PACK_DIR} ${PACK_DIR}/*.yaml)
list(SORT files)
set(body "// Generated from rules/ by cmake/embed_pack.cmake; do not edit.\n#include \"harness/embedded_pack.h\"\n\nnamespace cpaudit {\n\nconst std::vector<PackFile>& EmbeddedDefaultPack() {\n  static const std::vector<PackFile> files = {\n")
foreach(f ${files})
  file(READ ${PACK_DIR}/${f} text)
  set(body "${body}    {\"(built-in) secom-rootca1-tsa/${f}\", R\"cpaudit_pack(${text})cpaudit_pack\"},\n")
endforeach()
set(body "${body}  };\n  return files;\n}\n\n}  // namespace cpaudit\n")
file(WRITE ${OUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
