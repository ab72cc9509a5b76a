package io.llmops.observability.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class refers to, read from its constant pool: class entries, and the
 * descriptors and signatures of its fields and methods (every {@code Utf8} constant holding an
 * internal class name of the project). No bytecode library needed.
 */
final class ClassReferences {

  private static final Pattern PROJECT_CLASS = Pattern.compile("io/llmops/[A-Za-z0-9_/$]+");

  private ClassReferences() {}

  /** Binary names (dots, nested classes with {@code $}) of the project classes {@code file} refers to. */
  static Set<String> of(Path file) throws IOException {
    Set<String> out = new HashSet<>();
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      if (data.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file: " + file);
      }
      data.readUnsignedShort(); // minor
      data.readUnsignedShort(); // major
      int count = data.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> { // Utf8
            Matcher m = PROJECT_CLASS.matcher(data.readUTF());
            while (m.find()) {
              out.add(m.group().replace('/', '.'));
            }
          }
          case 3, 4 -> data.skipBytes(4); // Integer, Float
          case 5, 6 -> { // Long, Double take two entries
            data.skipBytes(8);
            i++;
          }
          case 7, 8, 16, 19, 20 -> data.skipBytes(2); // Class, String, MethodType, Module, Package
          case 9, 10, 11, 12, 17, 18 -> data.skipBytes(4); // refs, NameAndType, dynamic
          case 15 -> data.skipBytes(3); // MethodHandle
          default -> throw new IOException("unknown constant pool tag " + tag + " in " + file);
        }
      }
    }
    return out;
  }
}
