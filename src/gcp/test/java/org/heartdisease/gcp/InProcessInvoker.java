package org.heartdisease.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Google's Functions Framework invoker (the jar the build copies to {@code target/gcp/invoker}) run in
 * this JVM, so that the function can share Google's in-memory Cloud Storage with the test. The invoker
 * keeps its own class loader, as under {@code java -jar}; the function's is this test's classpath but
 * for two things it defines itself, as the invoker's own function loader would: {@link GcpFunction} and
 * the adapter's package, which implement the Functions Framework API and so must see the invoker's copy
 * of it ({@code com.google.cloud.functions}), which the invoker's loader alone provides.
 */
final class InProcessInvoker implements AutoCloseable {

	private final Object invoker;

	private final URLClassLoader invokerLoader;

	private InProcessInvoker(Object invoker, URLClassLoader invokerLoader) {
		this.invoker = invoker;
		this.invokerLoader = invokerLoader;
	}

	/**
	 * @param port where the invoker listens
	 * @param signatureType the function's signature type, as Cloud Functions gives it ({@code cloudevent})
	 * @return the invoker, serving
	 */
	static InProcessInvoker start(int port, String signatureType) throws Exception {
		Path jar = Path.of(System.getProperty("gcp.invoker.jar", "target/gcp/invoker/java-function-invoker.jar"));
		URLClassLoader invokerLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				ClassLoader.getPlatformClassLoader());
		ClassLoader functionLoader = new FunctionLoader(InProcessInvoker.class.getClassLoader(), invokerLoader);
		Class<?> type = invokerLoader.loadClass("com.google.cloud.functions.invoker.runner.Invoker");
		Constructor<?> constructor = type.getConstructor(Integer.class, String.class, String.class, ClassLoader.class);
		Object invoker = constructor.newInstance(port, GcpFunction.class.getName(), signatureType, functionLoader);
		type.getMethod("startTestServer").invoke(invoker);
		return new InProcessInvoker(invoker, invokerLoader);
	}

	@Override
	public void close() throws Exception {
		this.invoker.getClass().getMethod("stopServer").invoke(this.invoker);
		this.invokerLoader.close();
	}

	private static final class FunctionLoader extends ClassLoader {

		private final ClassLoader api;

		FunctionLoader(ClassLoader application, ClassLoader api) {
			super(application);
			this.api = api;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				if (name.startsWith("com.google.cloud.functions.") && !name.startsWith("com.google.cloud.functions.invoker.")) {
					return this.api.loadClass(name);
				}
				if (name.startsWith(GcpFunction.class.getName())
						|| name.startsWith("org.springframework.cloud.function.adapter.gcp.")) {
					Class<?> loaded = findLoadedClass(name);
					if (loaded == null) {
						loaded = define(name);
					}
					if (resolve) {
						resolveClass(loaded);
					}
					return loaded;
				}
				return super.loadClass(name, resolve);
			}
		}

		private Class<?> define(String name) throws ClassNotFoundException {
			try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
				if (in == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = in.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

	}

}
