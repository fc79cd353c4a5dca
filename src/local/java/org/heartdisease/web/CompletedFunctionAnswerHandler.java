package org.heartdisease.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import org.springframework.cloud.function.web.mvc.FunctionController;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Writes the function controller's answer in the request's own dispatch when it is already there.
 * <p>
 * spring-cloud-function-web's controller always returns a {@link Mono}, which Spring MVC answers
 * asynchronously: the request is dispatched a second time through Tomcat, the filters and the
 * {@code DispatcherServlet} (handler lookup included) only to write the {@code ResponseEntity}. The
 * {@code predict} function is not reactive, so its {@code Mono} holds the answer as soon as the
 * controller returns; this handler then writes it at once with the adapter's own handlers, the same
 * ones the second dispatch would have used (same converters, same bytes). A {@code Mono} that is not
 * complete yet, empty or failed takes Spring MVC's asynchronous path as before.
 */
final class CompletedFunctionAnswerHandler implements HandlerMethodReturnValueHandler {

	private final HandlerMethodReturnValueHandlerComposite handlers = new HandlerMethodReturnValueHandlerComposite();

	private CompletedFunctionAnswerHandler(List<HandlerMethodReturnValueHandler> handlers) {
		this.handlers.addHandlers(handlers);
	}

	/**
	 * Puts this handler first in the adapter's return value handlers, ahead of Spring MVC's handler
	 * of reactive types.
	 */
	static void install(RequestMappingHandlerAdapter adapter) {
		List<HandlerMethodReturnValueHandler> handlers = adapter.getReturnValueHandlers();
		if (handlers == null || handlers.stream().anyMatch(CompletedFunctionAnswerHandler.class::isInstance)) {
			return;
		}
		List<HandlerMethodReturnValueHandler> installed = new ArrayList<>(handlers.size() + 1);
		installed.add(new CompletedFunctionAnswerHandler(handlers));
		installed.addAll(handlers);
		adapter.setReturnValueHandlers(installed);
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return FunctionController.class.isAssignableFrom(returnType.getContainingClass())
				&& Mono.class.isAssignableFrom(returnType.getParameterType());
	}

	@Override
	public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest) throws Exception {
		// Subscribing to a Mono of values already computed completes the future before toFuture returns.
		CompletableFuture<?> answer = ((Mono<?>) returnValue).toFuture();
		Object value = (answer.isDone() && !answer.isCompletedExceptionally()) ? answer.join() : null;
		// Anything else goes the asynchronous way as the future, never as the Mono: subscribing to the
		// Mono again would run its pipeline a second time. Spring MVC treats both alike (a single value,
		// or the error, in a DeferredResult).
		Object result = (value != null) ? value : answer;
		this.handlers.handleReturnValue(result, new ResultParameter(returnType, result), mavContainer, webRequest);
	}

	/**
	 * The controller method's return type as Spring MVC describes an asynchronous result when it
	 * resumes: the value's class, and the generic type the declared type holds (for {@code Object},
	 * none).
	 */
	private static final class ResultParameter extends MethodParameter {

		private final Class<?> type;

		private final Type genericType;

		ResultParameter(MethodParameter returnType, Object value) {
			super(returnType);
			this.type = value.getClass();
			this.genericType = ResolvableType.forType(returnType.getGenericParameterType()).getGeneric().getType();
		}

		private ResultParameter(ResultParameter original) {
			super(original);
			this.type = original.type;
			this.genericType = original.genericType;
		}

		@Override
		public Class<?> getParameterType() {
			return this.type;
		}

		@Override
		public Type getGenericParameterType() {
			return this.genericType;
		}

		@Override
		public ResultParameter clone() {
			return new ResultParameter(this);
		}

	}

}
