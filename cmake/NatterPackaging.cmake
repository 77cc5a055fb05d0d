# CPack: natter-server and natter-client as Debian packages (.deb) and archives (.tar.gz).
# The archives hold the same tree as the packages, rooted at / (usr/bin, etc/natter, …).
# Build them with:  cpack --config build/CPackConfig.cmake -B build/packages
# Windows and macOS builds get their own generators below (untested here).

set(CPACK_PACKAGE_NAME "natter")
set(CPACK_PACKAGE_VENDOR "Natter")
set(CPACK_PACKAGE_CONTACT "Natter maintainers <natter@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Natter: chat for a local network")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_COMPONENTS_GROUPING IGNORE) # one package per component
set(CPACK_STRIP_FILES ON)

set(natter_components server)
if(TARGET natter)
    list(APPEND natter_components client)
endif()
set(CPACK_COMPONENTS_ALL ${natter_components})

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
    set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
    set(CPACK_ARCHIVE_SERVER_FILE_NAME "natter-server-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
    set(CPACK_ARCHIVE_CLIENT_FILE_NAME "natter-client-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")

    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    # Libraries natterd links are found by dpkg-shlibdeps; Depends adds what is loaded at run
    # time with dlopen(), which dpkg-shlibdeps cannot see.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_SERVER_PACKAGE_NAME "natter-server")
    set(CPACK_DEBIAN_SERVER_DESCRIPTION "Natter chat server (natterd)\n natterd serves Natter clients on a local network over WebSocket with TLS,\n stores everything in SQLite, and runs as the unprivileged natter user.")
    # libqt6sql6-sqlite: Qt's SQLite driver plugin; libssl3: loaded by Qt's TLS backend plugin
    # (libqt6network6); adduser: the account when systemd-sysusers is missing.
    set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite (>= 6.4), libssl3, adduser")
    set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
        "${PROJECT_SOURCE_DIR}/installer/deb/server/postinst;${PROJECT_SOURCE_DIR}/installer/deb/server/prerm;${PROJECT_SOURCE_DIR}/installer/deb/server/postrm;${PROJECT_SOURCE_DIR}/installer/deb/server/conffiles")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME "natter-client")
    set(CPACK_DEBIAN_CLIENT_DESCRIPTION "Natter chat client\n The desktop client for Natter servers on a local network.")
    # qt6-qpa-plugins: the xcb/wayland platform plugins; libqt6sql6-sqlite: the client's cache;
    # libssl3: TLS to the server; libqt6svg6: the SVG icon engine and image plugins (the icons are
    # SVG); qt6-translations-l10n: Qt's own dialogs in the user's language.
    set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite (>= 6.4), libssl3, libqt6svg6")
    set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")

    install(FILES ${PROJECT_SOURCE_DIR}/installer/natterd.conf DESTINATION etc/natter COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/natterd.service DESTINATION usr/lib/systemd/system COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/natter.sysusers DESTINATION usr/lib/sysusers.d
            RENAME natter.conf COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/protocol.md
            DESTINATION usr/share/doc/natter-server COMPONENT server)
    if(TARGET natter)
        install(TARGETS natter RUNTIME DESTINATION usr/bin COMPONENT client)
        install(FILES ${PROJECT_SOURCE_DIR}/installer/natter.desktop DESTINATION usr/share/applications
                COMPONENT client)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/natter.svg
                DESTINATION usr/share/icons/hicolor/scalable/apps COMPONENT client)
    endif()
elseif(WIN32)
    set(CPACK_GENERATOR "ZIP")            # an NSIS/WiX installer would go here
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop;TGZ")
endif()

include(CPack)
