# What `cmake --install` puts where (GNUInstallDirs): the binary, the man page
# and shell completions generated from the command line itself, and the docs.
# Test binaries and fuzz targets are not installed.
include(GNUInstallDirs)

# `smsdoc --generate-cli-docs KIND` prints them from the CLI definition
# (src/cli/cli_spec.h), so they cannot drift from --help.
set(CLI_DOCS_DIR ${CMAKE_BINARY_DIR}/cli-docs)
set(CLI_DOCS man:smsdoc.1 bash:smsdoc zsh:_smsdoc fish:smsdoc.fish)
set(CLI_DOCS_OUTPUTS)
foreach(entry IN LISTS CLI_DOCS)
  string(REPLACE ":" ";" entry "${entry}")
  list(GET entry 0 kind)
  list(GET entry 1 file)
  add_custom_command(
    OUTPUT ${CLI_DOCS_DIR}/${file}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CLI_DOCS_DIR}
    COMMAND smsdoc --generate-cli-docs ${kind} > ${CLI_DOCS_DIR}/${file}
    DEPENDS smsdoc
    COMMENT "Generating ${file} from smsdoc's command line"
    VERBATIM)
  list(APPEND CLI_DOCS_OUTPUTS ${CLI_DOCS_DIR}/${file})
endforeach()
add_custom_target(smsdoc_cli_docs ALL DEPENDS ${CLI_DOCS_OUTPUTS})

install(TARGETS smsdoc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CLI_DOCS_DIR}/smsdoc.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CLI_DOCS_DIR}/smsdoc
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${CLI_DOCS_DIR}/_smsdoc DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${CLI_DOCS_DIR}/smsdoc.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB DOC_PAGES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${DOC_PAGES} DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
