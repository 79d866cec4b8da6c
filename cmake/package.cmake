# `./dev package`: a Debian package of what cmake/install.cmake installs, its
# runtime dependencies computed by dpkg-shlibdeps (dpkg-dev) from the binary.
set(SMSDOC_PACKAGE_MAINTAINER "smsdoc maintainers <smsdoc@localhost>"
    CACHE STRING "the Debian package's Maintainer field")
set(SMSDOC_HOMEPAGE "" CACHE STRING "the Debian package's Homepage field (\"\" = none)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME smsdoc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${SMSDOC_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "compile an ISO/IEC 20000-1 service management system into a static site")
# The long description; CPack puts the summary above it as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "smsdoc builds a service management system kept as Markdown and YAML files in\n\
git into a cross-linked static site and Excel registers, and checks it.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
if(SMSDOC_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${SMSDOC_HOMEPAGE})
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # smsdoc_VERSION_ARCH.deb
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Modes as Debian expects them, whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
