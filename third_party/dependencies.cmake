# Finds claimmark's third-party dependencies on the system (Debian 12 packages):
#   nlohmann-json3-dev  -> nlohmann_json::nlohmann_json
#   libssl-dev          -> OpenSSL::Crypto (SHA-256)
#   doctest-dev         -> doctest::doctest, doctest_discover_tests()
#   libimgui-dev        -> claimmark::imgui (headers + libimgui.a, which already holds the
#                          GLFW and OpenGL3 backends and imgui_freetype)
#   libglfw3-dev, GL    -> claimmark::imgui_glfw_gl3
#   article intake (src/core/intake), through pkg-config:
#   libgumbo-dev (HTML5 parser), libpoppler-cpp-dev (PDF), libzip-dev + libxml2-dev (DOCX,
#   ODT), libcmark-dev (Markdown), libcurl4-openssl-dev (URLs), libicu-dev (NFC, charsets)
# Set CLAIMMARK_IMGUI_SOURCE_DIR to a Dear ImGui source checkout (1.86 API) to build ImGui
# and its GLFW/OpenGL3 backends from there instead of the system package.

find_package(nlohmann_json 3.10 REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CLAIMMARK_INTAKE_LIBS REQUIRED IMPORTED_TARGET
  gumbo poppler-cpp libzip libxml-2.0 libcmark libcurl icu-uc icu-i18n)

if(CLAIMMARK_BUILD_TESTS)
  find_package(doctest REQUIRED)
  include(doctest)
endif()

if(CLAIMMARK_BUILD_EDITOR)
  find_package(PkgConfig REQUIRED)
  find_package(OpenGL REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  set(CLAIMMARK_IMGUI_SOURCE_DIR "" CACHE PATH "Dear ImGui source directory to build instead of the system libimgui")

  if(CLAIMMARK_IMGUI_SOURCE_DIR)
    set(_im ${CLAIMMARK_IMGUI_SOURCE_DIR})
    if(NOT EXISTS ${_im}/imgui.h OR NOT EXISTS ${_im}/backends/imgui_impl_glfw.cpp)
      message(FATAL_ERROR "CLAIMMARK_IMGUI_SOURCE_DIR=${_im} does not look like a Dear ImGui source tree "
                          "(imgui.h and backends/imgui_impl_glfw.cpp expected)")
    endif()
    add_library(claimmark_imgui_from_source STATIC
      ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
      ${_im}/imgui_demo.cpp ${_im}/misc/cpp/imgui_stdlib.cpp
      ${_im}/backends/imgui_impl_glfw.cpp ${_im}/backends/imgui_impl_opengl3.cpp)
    # Expose the same include layout as Debian's package: <imgui.h>, <backends/...>.
    target_include_directories(claimmark_imgui_from_source SYSTEM PUBLIC ${_im} ${_im}/misc/cpp)
    target_link_libraries(claimmark_imgui_from_source PUBLIC PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})
    add_library(claimmark::imgui ALIAS claimmark_imgui_from_source)
    add_library(claimmark::imgui_glfw_gl3 ALIAS claimmark_imgui_from_source)
  else()
    find_path(CLAIMMARK_IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
    find_library(CLAIMMARK_IMGUI_LIBRARY NAMES imgui REQUIRED)
    find_library(CLAIMMARK_STB_LIBRARY NAMES stb)
    add_library(claimmark_imgui INTERFACE)
    target_include_directories(claimmark_imgui SYSTEM INTERFACE ${CLAIMMARK_IMGUI_INCLUDE_DIR})
    target_link_libraries(claimmark_imgui INTERFACE ${CLAIMMARK_IMGUI_LIBRARY})
    if(CLAIMMARK_STB_LIBRARY)
      target_link_libraries(claimmark_imgui INTERFACE ${CLAIMMARK_STB_LIBRARY})
    endif()
    add_library(claimmark::imgui ALIAS claimmark_imgui)
    # Debian's libimgui.a carries the GLFW and OpenGL3 backends; they need GLFW, GL and dl.
    add_library(claimmark_imgui_glfw_gl3 INTERFACE)
    target_link_libraries(claimmark_imgui_glfw_gl3 INTERFACE claimmark_imgui PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})
    add_library(claimmark::imgui_glfw_gl3 ALIAS claimmark_imgui_glfw_gl3)
  endif()
endif()
