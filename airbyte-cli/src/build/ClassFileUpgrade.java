import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the CLI's distribution, run by the build with {@code java -cp asm.jar ClassFileUpgrade.java JAR}:
 * rewrites, in place, every class of JAR older than Java 6's class-file version to Java 8's, with the stack maps
 * the newer version requires. Picocli's jar is compiled for Java 5, and the JVM's class-data-sharing archive does
 * not hold classes that old ("Pre JDK 6 class not supported by CDS"): each start then read and verified picocli's
 * classes from the jar, the largest part of the CLI's start-up that the archive did not cover. The bytecode is
 * unchanged; the stack maps are computed from it, and the new verifier checks them at every start.
 */
public final class ClassFileUpgrade {
  private static final int JAVA_6 = 50;

  public static void main(String[] args) throws IOException {
    if (args.length != 1) throw new IllegalArgumentException("usage: ClassFileUpgrade JAR");
    Path jar = Path.of(args[0]);
    Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
        ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgraded))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")
            && majorVersion(bytes) < JAVA_6) {
          bytes = upgrade(bytes, classes);
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime()); // the same entry times: the distribution stays reproducible
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING); // quiet, as a -q build must be
  }

  private static int majorVersion(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return classes; // the jar's own classes, for the common supertypes the stack maps name
      }
    };
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
      }
    }, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
